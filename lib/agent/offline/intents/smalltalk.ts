// Turns that need no tool: greetings, thanks, goodbyes and "how can you help?".
import { result, type Ctx } from "../context";
import type { Interpretation } from "../types";
import { CLOSINGS, LIST_OBJECTS, OUT_OF_SCOPE } from "../lexicon";
import { messages } from "../messages";

const GREETING =
  /^(?:hi|hello|hey|heya|hiya|howdy|yo|hola|greetings|good\s+(?:morning|afternoon|evening|day)|morning|evening|what'?s\s+up|sup|how\s+are\s+you(?:\s+doing)?(?:\s+today)?|how'?s\s+it\s+going)(?:\s+there)?(?:[,!\s]+(?:doable|bot|assistant|buddy|friend|mate|you))?(?:[,!\s]+how\s+are\s+you(?:\s+doing)?)?$/i;
const THANKS =
  /^(?:(?:ok(?:ay)?|great|awesome|perfect|cool|nice|excellent|brilliant|lovely|wonderful|sweet|fantastic|amazing|good|got it|alright|all right|sounds good|that'?s great|that'?s perfect|that'?s all|that is all|nothing else|good job|well done|nice one|great job|fine|k|kk|noted|understood)[,!.\s]*)*(?:thanks|thank\s+you|thank\s+u|thx|ty|tysm|cheers|much\s+appreciated|appreciate\s+it|many\s+thanks)?(?:\s+(?:so\s+much|a\s+lot|very\s+much|a\s+bunch|again|for\s+(?:the\s+help|your\s+help|that|everything)))*$/i;
const BYE = /^(?:bye|goodbye|good\s*bye|bye\s+bye|good\s+night|night|see\s+you(?:\s+later|\s+soon)?|see\s+ya|later|cya|ttyl|take\s+care)$/i;
const HELP =
  /^(?:help|help\s+me|\?+|what\s+(?:else\s+)?can\s+you\s+do|what\s+do\s+you\s+do|what\s+are\s+you\s+able\s+to\s+do|how\s+does\s+(?:this|it)\s+work|how\s+do\s+i\s+use\s+(?:this|you|it|doable)|how\s+do\s+you\s+work|what\s+are\s+you|who\s+are\s+you|what\s+is\s+this|what\s+is\s+doable|commands|what\s+can\s+i\s+(?:say|ask|do|type)|show\s+me\s+what\s+you\s+can\s+do|how\s+can\s+you\s+help(?:\s+me)?|what\s+are\s+your\s+(?:features|capabilities|commands|abilities)|instructions|usage|examples?|menu|options|i'?m\s+(?:lost|confused|stuck))(?:\s+here)?(?:\s+for\s+me)?$/i;

const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).map((w) => w.replace(/'/g, "'?").replace(/\s+/g, "\\s+")).join("|");
const CLOSING = new RegExp(`^(?:(?:ok(?:ay)?|no|nope|nah|so|well|alright|right)[,!.\\s]+)*(?:${alt(CLOSINGS)})(?:[,!.\\s]+(?:thanks|thank\\s+you|thx|cheers|bye))?$`, "i");
const THANKS_CLOSING = new RegExp(`^(.+?)[,!.\\s]+(?:${alt(CLOSINGS)})$`, "i");
// Out-of-scope requests, built from the OUT_OF_SCOPE table: "<verb> me/us [a|some…] <object>".
const OUT_OF_SCOPE_RES = OUT_OF_SCOPE.map((row) => ({
  re: new RegExp(
    `^(?:(?:can|could|would|will)\\s+you\\s+|(?:do|did)\\s+you\\s+|please\\s+|go\\s+on(?:\\s+and)?\\s+)?(?:${alt(row.verbs)})\\s+(?:me|us)(?:\\s+(?:a|an|another|some|one|any|something|my|the|your|up\\s+a))?\\s+` +
      (row.objects === "any" ? "(?<obj>.+)" : `(?:\\w+\\s+){0,2}?(?<obj>${alt(row.objects)})\\b.*`) +
      "$",
    "i",
  ),
  any: row.objects === "any",
  reply: row.reply,
}));
// Also "any jokes?", "know any good riddles?", "a joke please".
const ENTERTAIN_ONLY = new RegExp(`^(?:(?:do\\s+you\\s+)?(?:know|have|got)\\s+)?(?:any|a|an|another|some)\\s+(?:\\w+\\s+)?(?:${alt(OUT_OF_SCOPE[0]!.objects as string[])})$`, "i");

/** A request the app cannot fulfil ("entertain me", "make me a …"): a short answer, no tool. */
function outOfScope(text: string): string | null {
  for (const row of OUT_OF_SCOPE_RES) {
    const m = row.re.exec(text);
    if (!m) continue;
    const obj = m.groups?.obj ?? "";
    // "make me a reminder for …", "get me my task list", "bring me up to date": about the list.
    if (row.any && (LIST_OBJECTS.test(obj) || /\b(?:up\s+to\s+date|remind|due|tomorrow|today|by\s+\w+day)\b/i.test(obj))) continue;
    return row.reply;
  }
  return ENTERTAIN_ONLY.test(text) ? OUT_OF_SCOPE[0]!.reply : null;
}

export const HELP_TEXT = [
  "I manage your to-do list. Try things like:",
  "- **Add**: “remind me to book the vet on Thursday at 11am”, “add buy stamps #errands, high priority”",
  "- **List**: “what's due on Friday?”, “show my completed tasks”, “any tasks about taxes?”",
  "- **Complete**: “mark task 2 as finished”, “I fed the cat”, “reopen task 4”",
  "- **Change**: “move the report to Friday 3pm”, “rename task 1 to buy snacks”, “tag task 5 with travel”",
  "- **Delete / undo**: “delete task 9”, “undo that”",
  "",
  "What would you like to do?",
].join("\n");

export function smalltalk(ctx: Ctx): Interpretation | null {
  const t = ctx.raw.replace(/[.!?…\s]+$/g, "").trim();
  if (!t) return result("help", [], {}, 0.6, HELP_TEXT);
  if (HELP.test(t) || HELP.test(ctx.text)) return result("help", [], {}, 0.95, HELP_TEXT);
  const say = messages(ctx.language);
  if (GREETING.test(t)) {
    const pending = ctx.tasks.filter((x) => x.status === "pending").length;
    return result("greeting", [], {}, 0.95, say.greeting(pending));
  }
  const oos = outOfScope(t) ?? outOfScope(ctx.text);
  if (oos) return result("out_of_scope", [], {}, 0.85, oos);
  // "thanks, that's all", "nothing else, cheers", "we're done": closing the conversation.
  const lastAssistant = [...(ctx.history ?? [])].reverse().find((h) => h.role === "assistant");
  const answering = !!lastAssistant && /#\d+[\s\S]*\?\s*$/.test(lastAssistant.text) && /^that'?s\s+it$/i.test(t);
  const closingWithThanks = THANKS_CLOSING.exec(t);
  if (!answering && (CLOSING.test(t) || (closingWithThanks && THANKS.test(closingWithThanks[1]!.trim())))) {
    const thanked = /\b(?:thanks|thank|thx|ty|tysm|cheers|appreciate|appreciated)\b/i.test(t);
    return result("goodbye", [], {}, 0.9, thanked ? say.goodbyeThanks : say.goodbye);
  }
  if (BYE.test(t)) return result("goodbye", [], {}, 0.9, say.bye);
  if (/\S/.test(t) && THANKS.test(t)) {
    const thanked = /\b(?:thanks|thank|thx|ty|tysm|cheers|appreciate|appreciated)\b/i.test(t);
    return result(thanked ? "thanks" : "acknowledge", [], {}, 0.9, thanked ? say.thanks : say.acknowledged);
  }
  return null;
}
