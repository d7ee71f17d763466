// Stage 2 of the pipeline: one message, several commands. "finish the tax return and remove
// the yoga task", "tick off the invoice and push the haircut to monday", "I washed the car
// and paid the gas bill" → one clause per command (the subject "I" carried over).
import { COMMAND_LEADS } from "./lexicon";
import { baseOfPastVerb } from "./text";
import { pastLikeBase } from "@/lib/tasks/lemma";

const LEADS = COMMAND_LEADS.map((w) => w.replace(/\s+/g, String.raw`\s+`)).join("|");
// "… and put it low priority", "… and give it the tag X": a change to the task just named.
const SET_IT = String.raw`(?:(?:put|set)\s+(?:it|them)\s+(?:(?:on|to|at|as)\s+)?(?:high|low|medium|normal)\b|give\s+(?:it|them)\b|(?:drop|knock|lower)\s+(?:it|them)\s+(?:down\s+)?(?:to\s+)?(?:high|low|medium|normal)\b|(?:drop|remove|take|swap|switch)\s+(?:the\s+)?#?[\p{L}\p{N}_-]+\s+tag\b)`;
const JOIN = new RegExp(
  String.raw`\s*(?:,\s*|;\s*)?\b(?:and|then|&)\s+(?:then\s+|also\s+)?(?=(?:${LEADS})\b|${SET_IT})|\s*;\s*`,
  "giu",
);
const PAST_JOIN = /\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:then\s+|also\s+)?(?=([a-z]+)\s)/gi;

// "j'ai fait le plein et j'ai pris rendez-vous", "ya pagué la luz y he llamado al banco": reports
// in Spanish, French or German joined by "and" (their own words, which the tables leave alone).
// "ya he llamado al fontanero y recogí el paquete": a Spanish past form needs no "ya"/"he" of its own.
const FOREIGN_PAST_JOIN =
  /\s+(?:(?:et|y|und)\s+(?:(?:también|aussi|auch)\s+)?|and\s+also\s+)(?=(?:(?:le|la|lo|les)\s+)?(?:j'ai|je\s+suis|ya\s+he|he|ya|ich\s+habe|ich\s+hab|\p{L}{3,}(?:é|í|ado|ido|[^aeiou\s]i))\s)/iu;

// "hab die Steuererklärung abgeschickt und den Keller aufgeräumt": two German reports sharing one
// "hab"; each part ends with its participle, and the second gets the "hab" back. Said without the
// "hab" ("Müll rausgebracht und Oma angerufen"), the first part is one word and its participle.
const DE_PARTICIPLE = String.raw`(?:(?:an|auf|aus|ein|mit|weg|zu|ab|vor|nach|zurück|raus|rein|hoch|runter)?ge\p{L}{3,}(?:t|en)|(?:be|ver|er|zer|ent|emp)\p{L}{3,}t|\p{L}{3,}iert)`;
const DE_SHARED_AUX = new RegExp(
  String.raw`^((?:(?:ich|wir)\s+)?(?:habe|hab|haben)(?:\s+(?:ich|wir))?\s+|(?=\p{L}+\s+${DE_PARTICIPLE}\s+(?:und|\+|&)\s))(.+?\s${DE_PARTICIPLE})\s+(?:und|\+|&)\s+(.+?\s${DE_PARTICIPLE})$`,
  "iu",
);

// "move the tomatoes to tomorrow and the strawberries to friday" (or "on friday"): one move verb, two
// tasks, two days.
const MOVE_PAIR =
  /^((move|push|shift|bump|reschedule|put)\s+.+?\s+(?:to|on)\s+\S.*?)\s+(?:then\s+)?(?:,\s*)?and\s+((?:the|my)\s+\S.*?\s+(?:to|on)\s+\S.*)$/i;

export function splitClauses(text: string): string[] {
  const pair = MOVE_PAIR.exec(text);
  if (pair) return [pair[1]!, `${pair[2]} ${pair[3]}`];
  const shared = DE_SHARED_AUX.exec(text);
  if (shared) return [`${shared[1]}${shared[2]}`, `${shared[1]}${shared[3]}`];
  const reports = text.split(FOREIGN_PAST_JOIN);
  if (reports.length > 1) return reports.map((s) => s.trim()).filter(Boolean);
  const parts = text
    .split(JOIN)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length > 1) return parts;
  // "I washed the car and paid the gas bill", "paid rent, called the bank": each part a
  // past-tense report (the subject, when said, carried over).
  const first = /^(?:(i|we)\s+)?(?:just\s+|already\s+|also\s+|finally\s+)?([a-z]+)/i.exec(text);
  if (first && baseOfPastVerb(first[2]!)) {
    const cuts: number[] = [];
    // "did the laundry and read the chapters": after a past tense, "read" is one too.
    for (const m of text.matchAll(PAST_JOIN)) if (baseOfPastVerb(m[1]!) || pastLikeBase(m[1]!)) cuts.push(m.index!);
    if (cuts.length) {
      const subject = first[1] ? (/^we$/i.test(first[1]) ? "we " : "I ") : "";
      const out: string[] = [];
      let start = 0;
      for (const c of cuts) {
        out.push(text.slice(start, c).trim());
        start = c;
      }
      out.push(
        text
          .slice(start)
          .replace(/^\s*,?\s*(?:and\s+)?(?:then\s+|also\s+)?/i, "")
          .trim(),
      );
      // "… and read the chapters": a past spelled as its base needs its subject to be read as one.
      const said = (p: string) => subject || (pastLikeBase(p.split(/\s/)[0]!) ? "I " : "");
      return out.map((p, i) => (i === 0 ? p : `${said(p)}${p}`));
    }
  }
  return [text];
}
