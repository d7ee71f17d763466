// Pulling priority, tags, descriptions and quoted titles out of a sentence. Each
// extractor returns the text with its phrase removed, so what remains is the title or
// the task reference.
import type { Priority } from "./types";
import { capitalize, COURTESY_TAIL } from "./text";

export type Stripped<T> = { rest: string; value?: T };

const squash = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .replace(/\s+([,;:.!?])/g, "$1")
    .trim();

function priorityWord(w: string): Priority {
  const x = w.toLowerCase();
  if (/^(?:not|no\s+rush)/.test(x)) return "low";
  if (/^(?:high|highest|top|urgent|important|critical|asap|max)/.test(x)) return "high";
  if (/^(?:low|lowest|min)/.test(x)) return "low";
  return "medium";
}

const LEAD = String.raw`(?:[,;]\s*|\s*-\s+|\s+|^)`;
// "…, keep it high priority", "…, it's pretty urgent so make it top priority", "… and set the priority to
// high": the words that lead up to it.
const GLUE = String.raw`(?:(?:(?:it'?s|it\s+is|this\s+is)\s+(?:(?:pretty|very|really|quite|super|kinda)\s+)?(?:urgent|important)\s*,?\s+so|so|keep\s+it|with|at|as|set\s+to|make\s+it|put\s+it(?:\s+(?:in|on|at|to))?|mark\s+it(?:\s+as)?|it'?s|it\s+is|this\s+is|and|of|in|is|give\s+it|should\s+be|be|(?:set|change|raise|bump|turn|switch)(?=\s+(?:the\s+|its\s+)?(?:priority|prio)\b))\s+)*`;

export function extractPriority(text: string): Stripped<Priority> {
  const patterns: RegExp[] = [
    // "…, not urgent", "no rush": said to lower it.
    new RegExp(
      `${LEAD}(?:it'?s\\s+|it\\s+is\\s+)?(not\\s+(?:very\\s+|that\\s+|super\\s+)?(?:urgent|important|pressing)|no\\s+rush)\\b(?=\\s*(?:[,;.!]|$))`,
      "i",
    ),
    new RegExp(
      `${LEAD}${GLUE}(?:a\\s+|an\\s+|the\\s+)?(high|highest|top|low|lowest|medium|normal|mid|moderate|max)[-\\s]+(?:priority|prio|pri)\\b(?:\\s+(?:task|item|one|todo))?`,
      "i",
    ),
    new RegExp(
      `${LEAD}${GLUE}(?:the\\s+)?(?:priority|prio)\\s*(?:[:=]|of|is|set\\s+to|to)?\\s*(high|highest|top|low|lowest|medium|normal|mid)\\b`,
      "i",
    ),
    new RegExp(
      `${LEAD}${GLUE}(?:super\\s+|very\\s+|really\\s+|quite\\s+)?(urgent|important|critical|asap)(?:!+)?\\s*(?=$|[,;])`,
      "i",
    ),
    /^\s*(urgent|important|critical|asap)\s*[:!-]\s*/i,
    // "morgen dringend Tierarzt anrufen" (read "urgent Tierarzt anrufen" once the day is taken): urgent, said first.
    /^\s*(urgent)\s+(?=\p{Lu})/u,
    /(?:^|\s)\bp([1-4])\b/i,
    // "!! renew passport": bangs standing alone in front mark it urgent (at the end they are emphasis, dropped with the punctuation).
    /(?:^|\s)(!{2,})(?=\s|$)/,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const w = m[1];
    const value: Priority = /^[1-4]$/.test(w)
      ? w === "1"
        ? "high"
        : w === "2"
          ? "medium"
          : "low"
      : w.startsWith("!")
        ? "high"
        : priorityWord(w);
    const rest = squash(`${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`);
    return { rest, value };
  }
  return { rest: text };
}

function splitTagList(s: string): string[] {
  return s
    .split(/\s*(?:,|\band\b|&|\+|\s)\s*/i)
    .map((t) => t.trim().replace(/^#/, "").toLowerCase())
    .filter((t) => t && !/^(?:and|the|a|tag|tags)$/.test(t));
}

export function extractTags(text: string): Stripped<string[]> {
  const tags: string[] = [];
  let rest = text;
  const worded =
    /(?:[,;]\s*|\s+|^)(?:and\s+)?(?:tagged(?:\s+(?:as|with))?|tag\s+(?:it\s+)?(?:as|with)|tag\s+it|with\s+(?:the\s+)?(?:tags?|labels?)|tags?\s*:|labell?ed(?:\s+(?:as|with))?|under\s+(?:the\s+)?(?:tag|label)|file\s+(?:it\s+|this\s+)?under|and\s+the\s+(?:tag|label))\s+(#?[\p{L}\p{N}_-]+(?:(?:\s*,\s*(?=#?[\p{L}\p{N}_-]+(?:\s*[,;.!]|\s+and\s|\s*$))|\s+and\s+|\s*[&+]\s*)#?[\p{L}\p{N}_-]+)*)/iu;
  // "tag it rota, needs sorting by wednesday": after a comma, only a word standing alone is one more tag.
  // "…, high prio, tag uni", "…, put tag christmas", "…, tags work and writing, due monday": a tag said
  // as an item of its own among commas.
  const last =
    /(?:[,;]\s*(?:and\s+)?|!+\s*|\s+and\s+(?=(?:put|add|give\s+it)\s)|\s+(?:and|y|et|und)\s+(?=tags?\s))(?:(?:put|add|give\s+it|with)\s+(?:the\s+|a\s+)?)?tags?\s+(#?[\p{L}\p{N}_-]+(?:(?:\s+and\s+|\s*[&+]\s*)#?[\p{L}\p{N}_-]+)*(?:\s*,\s*#?[\p{L}\p{N}_-]+(?=\s*$))*)\s*(?=[,;]|$)/iu;
  const m = worded.exec(rest) ?? last.exec(rest);
  if (m) {
    tags.push(...splitTagList(m[1]));
    rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
  }
  rest = rest.replace(/(^|\s)#(\p{L}[\p{L}\p{N}_-]*)/gu, (_all, lead: string, tag: string) => {
    tags.push(tag.toLowerCase());
    return lead;
  });
  return tags.length ? { rest: squash(rest), value: [...new Set(tags)] } : { rest: text };
}

const ASIDE = /\s*\((?!\s*(?:note|notes|details|description)\b)[^()]*\?[^()]*\)\s*$/i;

export function extractDescription(text: string): Stripped<string> {
  // "…, tag thesis. (will I start it tonight? no.)": a question in brackets is an aside to oneself.
  const aside = ASIDE.exec(text);
  if (aside) return { rest: squash(text.slice(0, aside.index).replace(/[.!]+$/, "")) };
  const patterns = [
    /(?:[,;.]\s*|\s+-\s+|\s+)(?:and\s+)?(?:with\s+)?(?:a\s+|the\s+)?(?:description|desc|notes?|details|comment)\s*(?::|-|=|saying|that\s+says|reading)\s*(.+)$/i,
    /\s+(?:with\s+(?:a\s+|the\s+)?(?:description|note|notes|details))\s+(?!(?:to|for|on)\b)(.+)$/i,
    /\s*\((?:note|notes|details|description)?\s*:?\s*([^)]+)\)\s*$/i,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    // "… with a note that says ask Sione for his slides. It's not urgent, so low priority": the note
    // ends with its sentence; what follows is said of the task.
    // (Lowercase too when what follows is a field of the task: "…adapter. due may 19".)
    const end = /\.\s+(?=\p{Lu}|(?:due|by|high|low|medium|tag|tagged|priority|every|remind)\b)/u.exec(m[1]);
    const after = end ? m[1].slice(end.index + end[0].length) : "";
    const value = capitalize(
      (end ? m[1].slice(0, end.index) : m[1])
        .trim()
        .replace(COURTESY_TAIL, "")
        .replace(/^["']|["']$/g, "")
        .replace(/\.+$/, ""),
    );
    if (!value) continue;
    return { rest: squash(after ? `${text.slice(0, m.index)}, ${after}` : text.slice(0, m.index)), value };
  }
  return { rest: text };
}

/** The first quoted span is a verbatim title: "add 'book the piano tuner' with high priority". */
export function extractQuoted(text: string): Stripped<string> {
  const m = /(^|[\s:(])(["'])(.+?)\2(?=$|[\s,.;:!?)])/.exec(text);
  if (!m?.[3].trim()) return { rest: text };
  const start = m.index + m[1].length;
  return {
    rest: squash(`${text.slice(0, start)} ${text.slice(start + m[3].length + 2)}`),
    value: m[3].trim(),
  };
}
