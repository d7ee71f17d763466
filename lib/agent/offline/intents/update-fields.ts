// Changes of one field said in their own words: clearing the date, removing or adding tags, a note, a new title.
import { ask, type Ctx } from "../context";
import { isPluralRef, resolveOne } from "../references";
import { capitalize, COURTESY_TAIL, tidyTitle } from "../text";
import type { Interpretation } from "../types";
import { messages } from "../messages";
import { TAGLIST, tagsOf, finish, splitRefAndValue } from "./update-calls";

export function clearDue(ctx: Ctx): Interpretation | null {
  const t = ctx.text;
  const DUE = String.raw`(?:due[\s-]*dates?|deadlines?|due|dates?|reminder\s+time)`;
  const pats: RegExp[] = [
    new RegExp(
      String.raw`^(?:remove|clear|delete|drop|unset|erase|take\s+(?:off|away)|get\s+rid\s+of|wipe|cancel|reset)\s+(?:the\s+)?${DUE}\s+(?:from|of|on|for|in)\s+(.+)$`,
      "i",
    ),
    new RegExp(String.raw`^(?:remove|clear|delete|drop|unset|erase|wipe|reset)\s+(.+?)(?:'s|s')\s+${DUE}$`, "i"),
    new RegExp(
      String.raw`^(.+?)\s+(?:has|needs|should\s+have|doesn'?t\s+(?:have|need)|does\s+not\s+(?:have|need)|shouldn'?t\s+have)\s+(?:no|a|any)\s+${DUE}(?:\s+on\s+(?:it|them))?(?:\s+anymore)?$`,
      "i",
    ),
    new RegExp(
      String.raw`^(?:make|set|mark|leave)\s+(.+?)\s+(?:as\s+)?(?:undated|unscheduled|no\s+${DUE}|without\s+(?:a\s+)?${DUE})$`,
      "i",
    ),
    /^(?:unschedule|undate)\s+(.+)$/i,
    new RegExp(
      String.raw`^(?:remove|clear|delete|drop|unset|erase|take\s+off|get\s+rid\s+of)\s+(?:the\s+|its\s+|that\s+)?${DUE}$`,
      "i",
    ),
    // "the passport doesn't need a date, clear it": the "it" is the date, never the task.
    new RegExp(
      String.raw`^(.+?)\s+(?:doesn'?t|does\s+not|don'?t|do\s+not|won'?t)\s+(?:need|have)\s+(?:a\s+|any\s+|the\s+)?${DUE}(?:\s+on\s+(?:it|them))?(?:\s+any\s*more)?(?:\s*[,;.!-]+\s*|\s+)(?:so\s+|just\s+|please\s+)*(?:clear|remove|drop|delete|scrap|lose|wipe|bin|unset|take|get\s+rid\s+of)\s+(?:it|that|them|the\s+${DUE}|its\s+${DUE})(?:\s+off)?(?:\s+please)?$`,
      "i",
    ),
    new RegExp(String.raw`^no\s+${DUE}\s+(?:for|on)\s+(.+)$`, "i"),
    // "take the due date off the ironing", "strip the deadline off of task 4", "knock the date off it"
    new RegExp(
      String.raw`^(?:take|strip|knock|pull|get)\s+(?:the\s+|its\s+|that\s+)?${DUE}\s+off(?:\s+of)?(?:\s+(.+))?$`,
      "i",
    ),
  ];
  for (const re of pats) {
    const m = re.exec(t);
    if (m) return finish(m[1] ?? "it", { dueDate: null }, ctx);
  }
  return null;
}

export function removeTags(ctx: Ctx): Interpretation | null {
  const t = ctx.text;
  const VERB = String.raw`(?:remove|delete|drop|take\s+(?:off|away)|clear|strip|untag|detach)`;
  let m: RegExpExecArray | null;
  m =
    /^(?:remove|delete|clear|drop|strip)\s+(?:all\s+)?(?:the\s+|its\s+)?(?:tags?|labels?)\s+(?:from|on|of|off)\s+(.+)$/i.exec(
      t,
    );
  if (m) return finish(m[1], { removeTags: "all" }, ctx);
  m = new RegExp(
    String.raw`^${VERB}\s+(?:the\s+)?(${TAGLIST})\s+(?:tags?|labels?)\s+(?:from|off(?:\s+of)?|on|of)\s+(.+)$`,
    "iu",
  ).exec(t);
  if (m) return finish(m[2], { removeTags: tagsOf(m[1]) }, ctx);
  m = new RegExp(
    String.raw`^${VERB}\s+(?:the\s+)?(?:tags?|labels?)\s+(${TAGLIST})\s+(?:from|off(?:\s+of)?|on)\s+(.+)$`,
    "iu",
  ).exec(t);
  if (m) return finish(m[2], { removeTags: tagsOf(m[1]) }, ctx);
  m =
    /^(?:remove|delete|drop|take|strip|untag)\s+(#[\p{L}\p{N}_-]+(?:(?:\s*,\s*|\s+and\s+|\s+)#[\p{L}\p{N}_-]+)*)\s+(?:from|off(?:\s+of)?)\s+(.+)$/iu.exec(
      t,
    );
  if (m) return finish(m[2], { removeTags: tagsOf(m[1].replace(/\s+(?=#)/g, ",")) }, ctx);
  // "remove from the gift the tag urgent" (German word order: "beim Geschenk das Tag dringend entfernen").
  m = new RegExp(
    String.raw`^${VERB}\s+(?:from|off(?:\s+of)?)\s+(.+?)\s+(?:the\s+)?(?:tags?|labels?)\s+(${TAGLIST})[?.!]*$`,
    "iu",
  ).exec(t);
  if (m) return finish(m[1]!, { removeTags: tagsOf(m[2]!) }, ctx);
  m = /^take\s+(?:the\s+)?(#?[\p{L}\p{N}_-]+)\s+(?:tag|label)\s+off\s+(?:of\s+)?(.+)$/iu.exec(t);
  if (m) return finish(m[2], { removeTags: tagsOf(m[1]) }, ctx);
  // "the car wash one doesn't need the urgent tag anymore": a tag the task no longer needs.
  m =
    /^(.+?)\s+(?:doesn'?t|does\s+not|don'?t|do\s+not|no\s+longer)\s+needs?\s+(?:the\s+|its\s+|that\s+)?(?:(#?[\p{L}\p{N}_-]+)\s+(?:tag|label)|(?:tag|label)\s+(#?[\p{L}\p{N}_-]+))(?:\s+any\s*more)?$/iu.exec(
      t,
    );
  if (m) return finish(m[1], { removeTags: tagsOf(m[2] ?? m[3]!) }, ctx);
  // "drop the clients tag", "remove the tag urgent too": the task just talked about.
  m = new RegExp(
    String.raw`^(?:${VERB}|take|lose|ditch)\s+(?:the\s+|its\s+|that\s+|this\s+)?(?:(${TAGLIST})\s+(?:tags?|labels?)|(?:tags?|labels?)\s+(?!off\b)(${TAGLIST}))(?:\s+off)?(?:\s+(?:too|as\s+well|also))?(?:\s*[,;.]\s*(?:just|only|keep|leave)\b.*)?$`,
    "iu",
  ).exec(t);
  // "take that tag off" names no tag (the remark before it does).
  if (m && !/^(?:that|this|the|its|off)$/i.test(m[1] ?? m[2]!))
    return finish("it", { removeTags: tagsOf(m[1] ?? m[2]!) }, ctx);
  // "the zara jacket thing isn't really shopping, take that tag off": the tag named in the remark.
  m = new RegExp(
    String.raw`^(.+?)\s+(?:isn'?t|aren'?t|is\s+not|are\s+not|'s\s+not)\s+(?:really\s+|actually\s+|even\s+)?(?:an?\s+)?#?([\p{L}\p{N}_-]+)(?:\s+(?:thing|task|item|stuff))?\s*[,;.]?\s*(?:so\s+)?(?:(?:can|could)\s+(?:you|u)\s+)?(?:${VERB}|take|lose|ditch)\s+(?:that|the|this)\s+(?:tag|label)(?:\s+off)?(?:\s+please)?[.!?]*$`,
    "iu",
  ).exec(t);
  if (m && ctx.tasks.some((x) => x.tags.some((g) => g.toLowerCase() === m![2]!.toLowerCase())))
    return finish(m[1]!, { removeTags: [m[2]!.toLowerCase()] }, ctx, { strict: true });
  m = new RegExp(String.raw`^untag\s+(${TAGLIST})\s+from\s+(.+)$`, "iu").exec(t);
  if (m) return finish(m[2], { removeTags: tagsOf(m[1]) }, ctx);
  m = /^untag\s+(.+?)(?:\s+(?:as|from)\s+#?([\p{L}\p{N}_-]+))?$/iu.exec(t);
  if (m) return finish(m[1], { removeTags: m[2] ? tagsOf(m[2]) : "all" }, ctx);
  m =
    /^(.+?)\s+(?:is|are|'s)\s+(?:not|no\s+longer)\s+(?:a\s+)?(?:tagged\s+)?#?([\p{L}\p{N}_-]+)(?:\s+(?:task|item|thing))?(?:\s+anymore)?$/iu.exec(
      t,
    );
  if (m) {
    const tag = m[2].toLowerCase();
    const known = ctx.tasks.some((x) => x.tags.some((g) => g.toLowerCase() === tag));
    if (known) return finish(m[1], { removeTags: [tag] }, ctx, { strict: true });
  }
  return null;
}

export function addTags(ctx: Ctx): Interpretation | null {
  // "tag that one travel as well": "as well" is no tag.
  const t = ctx.text.replace(/\s+as\s+well$/i, "");
  let m: RegExpExecArray | null;
  // "swap the work tag for side-project (on the deck)": one tag out, another in.
  m =
    /^(?:swap|switch|replace|change)\s+(?:the\s+|its\s+)?#?([\p{L}\p{N}_-]+)\s+(?:tag|label)(?:\s+(?:on|of)\s+(.+?))?\s+(?:for|with|to)\s+(?:the\s+)?#?([\p{L}\p{N}_-]+)(?:\s+(?:tag|label))?(?:\s+(?:on|for|of)\s+(.+))?$/iu.exec(
      t,
    );
  if (m) return finish(m[2] ?? m[4] ?? "it", { removeTags: [m[1]!.toLowerCase()], addTags: [m[3]!] }, ctx);
  // "retag the scarf from crafts to gifts", "move the scarf from #crafts to #gifts": the same, task first.
  m =
    /^(?:retag|relabel|move|switch|change)\s+(.+?)\s+from\s+(?:the\s+)?#?([\p{L}\p{N}_-]+)(?:\s+(?:tag|label))?\s+to\s+(?:the\s+)?#?([\p{L}\p{N}_-]+)(?:\s+(?:tag|label))?$/iu.exec(
      t,
    );
  if (m && (/^re/i.test(t) || /#|\b(?:tag|label)\b/i.test(t)))
    return finish(m[1]!, { removeTags: [m[2]!.toLowerCase()], addTags: [m[3]!] }, ctx);
  // "retag the paint samples one as reno instead of home": the new tag, then the one it replaces.
  // Read from the raw text: the cleaned text drops a trailing "instead of X" as filler, and here X is the old tag.
  m =
    /^(?:retag|relabel|tag|label)\s+(.+?)\s+(?:as|with)\s+#?([\p{L}\p{N}_-]+)\s+(?:instead\s+of|rather\s+than|not)\s+#?([\p{L}\p{N}_-]+)$/iu.exec(
      ctx.raw.replace(/[.!?]+$/, "").trim(),
    );
  if (m) return finish(m[1]!, { removeTags: [m[3]!.toLowerCase()], addTags: [m[2]!] }, ctx);
  // "tag the one you just added bills", "tag the second one work": a reference that says where it ends.
  m =
    /^tag\s+((?:the\s+)?(?:one\s+(?:you|i)\s+just\s+(?:added|made|created)|(?:first|second|third|fourth|last|other|new)\s+one))\s+#?([\p{L}\p{N}_-]+)$/iu.exec(
      t,
    );
  if (m) return finish(m[1]!, { addTags: [m[2]!] }, ctx);
  m =
    /^(?:tag|label)\s+(.+?)\s+(?:with|as|under)\s+(?:the\s+|a\s+)?(?:tags?\s+|labels?\s+)?(.+?)(?:\s+(?:tags?|labels?))?$/i.exec(
      t,
    );
  if (m) return finish(m[1], { addTags: tagsOf(m[2]) }, ctx);
  m = /^(?:tag|label)\s+(.+?)\s+(#[\p{L}\p{N}_-]+(?:(?:\s*,\s*|\s+and\s+|\s+)#[\p{L}\p{N}_-]+)*)$/iu.exec(t);
  if (m) return finish(m[1], { addTags: tagsOf(m[2].replace(/\s+(?=#)/g, ",")) }, ctx);
  m = new RegExp(
    String.raw`^(?:add|put|attach|apply|give\s+it|stick)\s+(?:the\s+|a\s+)?(?:tags?|labels?)\s+(${TAGLIST})\s+(?:to|on|onto)\s+(.+)$`,
    "iu",
  ).exec(t);
  if (m) return finish(m[2], { addTags: tagsOf(m[1]) }, ctx);
  m = new RegExp(
    String.raw`^(?:add|put|attach|apply|stick)\s+(?:the\s+|a\s+|an\s+)?(${TAGLIST})\s+(?:tags?|labels?)\s+(?:to|on|onto)\s+(.+)$`,
    "iu",
  ).exec(t);
  if (m) return finish(m[2], { addTags: tagsOf(m[1]) }, ctx);
  m =
    /^(?:add|put|attach|apply|stick)\s+(#[\p{L}\p{N}_-]+(?:(?:\s*,\s*|\s+and\s+|\s+)#[\p{L}\p{N}_-]+)*)\s+(?:to|on|onto)\s+(.+)$/iu.exec(
      t,
    );
  if (m) return finish(m[2], { addTags: tagsOf(m[1].replace(/\s+(?=#)/g, ",")) }, ctx);
  m = new RegExp(
    String.raw`^(?:give|add\s+to|put\s+on)\s+(.+?)\s+(?:the\s+|a\s+|an\s+)?(?:tags?|labels?)\s+(${TAGLIST})$`,
    "iu",
  ).exec(t);
  // "add to buy a present, with tag work" (a learner's "add"): a new task unless the words name one;
  // "give it high priority and the tag carro" says more than a tag (modifierUpdate reads it all).
  if (m) return finish(m[1], { addTags: tagsOf(m[2]) }, ctx, { strict: true });
  m = /^(?:give|mark)\s+(.+?)\s+(?:the\s+|a\s+|an\s+)?(#?[\p{L}\p{N}_-]+)\s+(?:tag|label)$/iu.exec(t);
  if (m) return finish(m[1], { addTags: tagsOf(m[2]) }, ctx);
  // "just tag the shuttle one then" (after tagging two and taking it back): no tag said, so the one
  // this conversation last added.
  m = /^tag\s+(.+?\s(?:one|ones|task|item))$/iu.exec(t);
  if (m) {
    const said = lastAddedTags(ctx);
    return said ? finish(m[1], { addTags: said }, ctx) : null;
  }
  // "tag it health too": "too" adds to the tags it has.
  m = /^tag\s+(.+)\s+(?!(?:too|also)$)([\p{L}\p{N}_-]+)(?:\s+(?:too|also|as\s+well))?$/iu.exec(t);
  if (m) {
    // "tag those diy": the tasks just talked about.
    if (isPluralRef(m[1])) return finish(m[1], { addTags: tagsOf(m[2]) }, ctx);
    const out = resolveOne(m[1], ctx.tasks, { history: ctx.history, override: ctx.override });
    if (out.kind === "one" && !out.partial) return finish(m[1], { addTags: tagsOf(m[2]) }, ctx);
  }
  return null;
}

function lastAddedTags(ctx: Ctx): string[] | undefined {
  for (const turn of [...(ctx.history ?? [])].reverse())
    for (const call of turn.calls ?? []) {
      const tags = (call.input as { addTags?: unknown }).addTags;
      if (Array.isArray(tags) && tags.length) return tags as string[];
    }
  return undefined;
}

export function description(ctx: Ctx): Interpretation | null {
  const t = ctx.text;
  const NOTE = `(?:note|notes|description|details?|comment|memo)`;
  const pats: Array<[RegExp, number, number]> = [
    [
      new RegExp(
        String.raw`^(?:add|attach|put|write|append|leave|set|include)\s+(?:a\s+|the\s+|this\s+|some\s+)?${NOTE}\s+(?:to|on|for|in)\s+(.+?)\s*(?::|\s-\s|,|\s+saying(?:\s+to(?=\s))?|\s+that\s+says|\s+reading|\s+that)\s*(.+)$`,
        "i",
      ),
      1,
      2,
    ],
    [
      new RegExp(
        String.raw`^(?:set|change|update|edit|make|replace)\s+(?:the\s+)?${NOTE}\s+(?:of|on|for|in)\s+(.+?)\s+(?:to|as|with)\s*:?\s*(.+)$`,
        "i",
      ),
      1,
      2,
    ],
    [new RegExp(String.raw`^(?:set|change|update|edit)\s+(.+?)(?:'s)\s+${NOTE}\s+(?:to|as)\s*:?\s*(.+)$`, "i"), 1, 2],
    [/^describe\s+(.+?)\s+as\s+(.+)$/i, 1, 2],
    [new RegExp(String.raw`^${NOTE}\s+(?:for|on|to)\s+(.+?)\s*[:\-]\s*(.+)$`, "i"), 1, 2],
    // "for the vet call add a note: …": the task first.
    [
      new RegExp(
        String.raw`^(?:for|on|to|pour|para|für)\s+(.+?)\s*,?\s+(?:add|attach|put|write|leave)\s+(?:a\s+|the\s+)?${NOTE}\s*(?::|\s-\s|\s+saying)\s*(.+)$`,
        "i",
      ),
      1,
      2,
    ],
    // "add a note: …" about the task just talked about.
    [
      new RegExp(
        String.raw`^()(?:add|attach|put|write|leave|give\s+it)\s+(?:a\s+|the\s+)?${NOTE}\s*(?::|\s-\s)\s*(.+)$`,
        "i",
      ),
      1,
      2,
    ],
    [
      new RegExp(
        String.raw`^(?:add|attach|put|write|append)\s+(?:a\s+|the\s+)?${NOTE}\s*[:\-]\s*(.+?)\s+(?:to|on|for)\s+((?:task\s+)?#?\d+)$`,
        "i",
      ),
      2,
      1,
    ],
  ];
  for (const [re, refGroup, valueGroup] of pats) {
    const m = re.exec(t);
    if (!m) continue;
    // "schreib als notiz dazu: Geburtsurkunde fehlt noch": a note after a colon is kept as typed, not as the tables read it.
    const afterColon = /:\s*$/.test(t.slice(0, m.index + m[0].lastIndexOf(m[valueGroup]!)));
    const typed = afterColon ? /:(?!\d)\s*(.+)$/.exec(ctx.typed)?.[1] : undefined;
    const value = capitalize(
      (typed ?? m[valueGroup]!)
        .trim()
        .replace(COURTESY_TAIL, "")
        .replace(/^["']|["']$/g, "")
        .replace(/\.+$/, ""),
    );
    return finish(m[refGroup] || "it", { description: value }, ctx);
  }
  const clear = new RegExp(
    String.raw`^(?:clear|remove|delete|erase|drop)\s+(?:the\s+)?${NOTE}\s+(?:from|of|on|for)\s+(.+)$`,
    "i",
  ).exec(t);
  if (clear) return finish(clear[1], { description: null }, ctx);
  return null;
}

/**
 * "make the milk oat milk", "change the coffee to decaf coffee": a task named, then the same thing
 * said more exactly (the new words end with the task's own last word).
 */
function madeInto(t: string, ctx: Ctx): [string, string] | null {
  const m = /^(?:make|change|turn)\s+(.+)$/i.exec(t);
  if (!m) return null;
  const words = m[1]!.split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    const ref = words.slice(0, i).join(" ");
    const value = words
      .slice(i)
      .join(" ")
      .replace(/^(?:into|to)\s+/i, "");
    const out = resolveOne(ref, ctx.tasks, { history: ctx.history });
    const last = ref.split(/\s+/).at(-1)!.toLowerCase();
    if (out.kind === "one" && !out.partial && value.split(/\s+/).length > 1 && value.toLowerCase().endsWith(` ${last}`))
      return [ref, value];
  }
  return null;
}

export function rename(ctx: Ctx): Interpretation | null {
  const t = ctx.text;
  let ref: string | undefined;
  let value: string | undefined;
  const renameVerb = /^(?:rename|retitle|re-title|re-name)\s+(.+)$/i.exec(t);
  const titleOf =
    /^(?:change|update|edit|set|modify|fix|correct)\s+(?:the\s+)?(?:title|name|wording|text)\s+(?:of|on|for)\s+(.+)$/i.exec(
      t,
    );
  const possessive = /^(?:change|update|edit|set|modify)\s+(.+?)(?:'s|s')\s+(?:title|name)\s+(?:to|as)\s+(.+)$/i.exec(
    t,
  );
  // "call it 'X'", and "actually call it fix the tap" (a pronoun needs no quotes; "call it a day" is no title).
  const callQuoted = /^(?:call|name)\s+(.+?)\s+(?:instead\s+)?["'](.+)["'](?:\s+(?:instead|rather))?$/i.exec(t);
  const callIt =
    callQuoted ??
    /^(?:call|name)\s+(it|that|this(?:\s+one)?)\s+(?:instead\s+)?(?!(?:a\s+day|quits|even)$)(\S.+)$/i.exec(t);
  // "mach aus „Steuer“ „Steuer 2026 abgeben“", "mach aus der 2 „…“": German "make X into Y".
  const makeInto =
    /^(?:mach|mache|machen\s+sie)\s+aus\s+(?:der|dem|die|das)?\s*(.+?)\s+(?:ein(?:e|en)?\s+)?"([^"]+)"$/i.exec(t);
  // "task 1 should say Quote for …", "the dentist one should read …": the words a title should have.
  const shouldSay = /^(.+?)\s+(?:should|must|needs\s+to)\s+(?:say|read|be\s+called|be\s+named)\s*:?\s+(.+)$/i.exec(t);
  if (shouldSay && !callIt && !renameVerb && !makeInto) {
    const out = resolveOne(shouldSay[1]!, ctx.tasks, { history: ctx.history, override: ctx.override });
    if (out.kind === "one" && !out.partial) [ref, value] = [shouldSay[1], shouldSay[2]];
  }
  // "renomme-la « Déclaration d'impôts 2025 »": the new name in quotes, no "to" needed.
  // "… « Dîner avec Léa » ? Elle se joint à nous", "… "Comprar regalo" que si no se me olvida": what
  // follows the closing quote is said to us.
  // "rename task 4, give it «…»", "…, que sea "…"": "give it" only leads up to the name.
  const quotedName = renameVerb
    ? /^(.+?)\s+["«“„]\s*([^"«»“”„]+?)\s*["»”“](?:\s*[?!.,].*|\s+(?:que|porque|because|since|so|as|parce|car|weil|denn)\b.*)?$/.exec(
        renameVerb[1]!,
      )
    : null;
  if (quotedName)
    [ref, value] = [
      quotedName[1]!
        .replace(/\s*(?::|\s(?:to|as|into))$/i, "")
        .replace(/\s*,\s*(?:(?:give|call|name|make)\s+it|que\s+sea)$/i, ""),
      quotedName[2],
    ];
  else if (renameVerb) {
    // "rename task 3: new words" — a colon says what follows is the new title.
    const split = splitRefAndValue(renameVerb[1], /\s+(?:to|as|into):?\s+|\s*:\s+/, ctx);
    if (!split) return ask(messages(ctx.language).newName, { ref: renameVerb[1] });
    ({ ref, value } = split);
  } else if (makeInto) {
    ref = makeInto[1]!.replace(/^"|"$/g, "");
    value = makeInto[2];
  } else if (titleOf) {
    const split = splitRefAndValue(titleOf[1], /\s+(?:to|as|into):?\s+/, ctx);
    if (!split) return null;
    ({ ref, value } = split);
  } else if (possessive) {
    ref = possessive[1];
    value = possessive[2];
  } else if (callIt) {
    ref = callIt[1];
    // "call it the Lutheran church fish fry instead": the article names the thing, the title does not need it.
    value = callQuoted ? callIt[2] : callIt[2]!.replace(/^the\s+/i, "");
  }
  if (ref === undefined || value === undefined) [ref, value] = madeInto(t, ctx) ?? [ref, value];
  if (ref === undefined || value === undefined) return null;
  const title = tidyTitle(asTyped(value, ctx.typed).replace(/^["']|["']$/g, ""));
  if (!title) return ask(messages(ctx.language).newName, { ref });
  return finish(ref, { title }, ctx, { many: false });
}

/**
 * "rename the second one to Team lunch at Lau Pa Sat": the new name is the user's last words as
 * typed ("Sat" stays, where the tables read a weekday), when they are the same words in number
 * and start the same.
 */
function asTyped(value: string, typed: string): string {
  const words = value.trim().split(/\s+/);
  const tail = typed
    .replace(/[\s.!?]+$/, "")
    .split(/\s+/)
    .slice(-words.length);
  const bare = (w: string | undefined) => (w ?? "").replace(/^["'«“„]+|["'»”“]+$/g, "").toLowerCase();
  return tail.length === words.length && bare(tail[0]) === bare(words[0]) ? tail.join(" ") : value;
}
