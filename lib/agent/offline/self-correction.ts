// A date taken back mid-message: "add dinner with Tom on saturday, no wait, sunday" is dinner on
// Sunday. The words that take it back are SELF_CORRECTIONS (lexicon.ts); what follows them must
// be a date and nothing else, and it replaces the last date said before them.
import { SELF_CORRECTIONS } from "./lexicon";
import { extractDate, findDates, type DateContext } from "./dates";

const alt = [...SELF_CORRECTIONS]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/\s+/g, String.raw`[\s,]+`))
  .join("|");
// Set off by a comma, a semicolon or a dash ("on friday - no wait, saturday").
const TAKEN_BACK = new RegExp(String.raw`\s*(?:[,;]|\s-+)\s*(?:${alt})[\s,;:!.…-]+(.+)$`, "iu");
const CONNECTOR = /^(?:on|at|for|by|el|la|le|au|à|am|um|an)\s+/i;

export function withoutTakenBackDate(text: string, ctx: DateContext): string {
  const m = TAKEN_BACK.exec(text);
  if (!m) return text;
  const said = m[1]!.replace(/[.!]+$/, "").trim();
  const meant = extractDate(said, ctx);
  if (!meant.date || meant.rest.replace(/[\s,.!-]+/g, "").replace(CONNECTOR, "") !== "") return text;
  const before = text.slice(0, m.index);
  const dates = findDates(before, ctx).dates;
  const last = dates[dates.length - 1];
  if (!last) return text;
  return before.slice(0, last.index) + said.replace(CONNECTOR, "") + before.slice(last.end);
}
