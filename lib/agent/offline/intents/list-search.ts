// Search terms in list questions: what to search for, in the form the service's substring match finds.
import type { Ctx } from "../context";
import { stem, TODO_VERBS } from "../text";
import { isKnownWord } from "@/lib/tasks/lemma";

export const SEARCH_LEAD =
  /\b(?:about|regarding|related\s+to|relating\s+to|concerning|mentioning|that\s+mentions?|containing|that\s+contains?|which\s+contains?|with\s+the\s+words?|with\s+the\s+text|involving|matching|that\s+match(?:es)?|called|named|titled|that\s+say|that\s+says|(?<=\b(?:tasks?|ones?|items?|todos?|to-dos?)\s+)(?:mention|say|contain|include|have)s?(?!\s+(?:i|we|you)\b)|with(?=\s+["'])|with(?=\s+\S+(?:\s+\S+){0,2}\s+in\s+(?:it|them|the\s+(?:title|name))\s*[?.!]*$))\s+(.+?)(?:\s+in\s+(?:it|them|the\s+(?:title|name)))?\s*[?.!]*$/i;
export const SEARCH_VERB =
  /^(?:find|search(?:\s+for)?|look\s+(?:up|for)|where(?:'s|\s+is|\s+are)?|search\s+my\s+tasks\s+for)\s+(.+)$/i;

export function cleanTerm(s: string): string {
  // A search term ends with its sentence ("… say email? need to get through them").
  let t = s.replace(/[?!.;]\s.*$/, "").trim();
  let prev = "";
  while (t !== prev) {
    prev = t;
    t = t
      .replace(/[?!.,;:]+$/g, "")
      .replace(/\s+in\s+(?:them|it)$/i, "")
      .replace(
        /\s+(?:(?:in|on|from)\s+(?:my|the)\s+(?:to-?do\s+)?(?:list|tasks|todos)|(?:in|on)\s+(?:here|there))$/i,
        "",
      )
      .replace(/\s+(?:tasks?|todos?|to-dos?|items?|ones?|stuff|things?)$/i, "")
      // "sobre la gestoría", "über die Steuer": the other languages' articles too.
      .replace(/^(?:the|my|a|an|any|all|some|tasks?|todos?|items?|la|el|los|las|le|les|der|die|das)\s+/i, "")
      .replace(/^(?:tasks?|todos?)\s+(?:about|with|for)\s+/i, "")
      // "did i pay for swimming": the preposition the verb takes is no part of the thing.
      .replace(/^(?:for|about|with|to|at)\s+(?=\S)/i, "")
      .replace(/^["']|["']$/g, "")
      .trim();
  }
  return t;
}

/**
 * The search text the service can find: its list search is a substring match on title and
 * description, so "bills" never finds "Pay the water bill". A plural that no task contains
 * is sent in its singular (or stem) form when that form is in some task.
 */
/** A verb of a to-do: an English one, or a Spanish/French infinitive that is no English word ("pagar", "entregar"). */
const isDeed = (w: string) =>
  TODO_VERBS.has(w.toLowerCase()) || (/\p{L}{2}(?:ar|er|ir)$/iu.test(w) && !isKnownWord(w.toLowerCase()));

export function searchable(said: string, tasks: Ctx["tasks"]): string {
  // "¿cuándo tenía que pagar la comunidad?": the "que" that joins the deed to the question says nothing.
  const term = said.replace(/^(?:que|qu['’]|de)\s*(?=\p{L}+(?:ar|er|ir|re)\s)/iu, "");
  const count = (t: string) =>
    tasks.filter((x) =>
      `${x.title}\n${(x as { description?: string | null }).description ?? ""}`.toLowerCase().includes(t.toLowerCase()),
    ).length;
  const has = (t: string) => count(t) > 0;
  // "when's my dentist appointment": "dentist" names it (the task may be "Dentist check-up"), unless
  // the whole phrase finds fewer tasks ("vet" alone would also find "Book the vet").
  // "el turno con el cardiólogo", "le rendez-vous chez le dentiste": the same, the visit said first.
  const visit =
    /^(.+?)\s+(?:appointments?|appts?)$/i.exec(term)?.[1] ??
    /^(?:turno|cita|consulta|rendez-vous|rdv|termin|appointment)\s+(?:con|chez|beim|bei|with|at)\s+(?:(?:el|la|le|dem|der|the|my|mi|mon|ma)\s+)?(.+)$/iu.exec(
      term,
    )?.[1];
  const whole = count(term);
  if (visit && (whole === 0 ? count(visit) > 0 : count(visit) === whole)) return searchable(visit, tasks);
  // "when do I have to pay the gardener": the thing the deed is done to, when it finds the same tasks.
  const deed = /^(?:(?:have|need|got)\s+to\s+|to\s+)?(\p{L}+)\s+(?:the|my|our|a|an)\s+(.+)$/iu.exec(term);
  if (deed && TODO_VERBS.has(deed[1]!.toLowerCase()) && whole > 0 && count(deed[2]!) === whole)
    return searchable(deed[2]!, tasks);
  if (!term || has(term)) return term;
  // "is the passport renewal done" with "Renew passport": no task holds the phrase, so the one word of it
  // that finds the fewest tasks (a word as typed before one found by its stem).
  const words = term
    .split(/\s+/)
    .filter((w) => w.length >= 3 && !/^(?:the|and|for|with|von|der|die|das|les|des|del|los|las)$/i.test(w));
  if (words.length > 1) {
    const found = words
      .map((w, i) => ({ w: searchable(w, tasks), i }))
      .map((x) => ({ ...x, n: count(x.w), typed: words.includes(x.w), deed: isDeed(x.w) }))
      .filter((x) => x.n > 0)
      // Of words that find as few tasks, the thing ("van") before the deed done to it ("book").
      .sort((a, b) => a.n - b.n || Number(a.deed) - Number(b.deed) || Number(b.typed) - Number(a.typed) || a.i - b.i);
    if (found.length) return found[0]!.w;
  }
  const m = /^(.*?)([a-z]+)$/i.exec(term);
  if (!m) return term;
  const [, head, last] = m as unknown as [string, string, string];
  const forms: string[] = [];
  if (/ies$/i.test(last)) forms.push(`${last.slice(0, -3)}y`, last.slice(0, -3));
  if (/(?:ches|shes|sses|xes|zes|oes)$/i.test(last)) forms.push(last.slice(0, -2));
  if (/[^su]s$/i.test(last)) forms.push(last.slice(0, -1));
  const st = stem(last);
  if (st.length >= 3) forms.push(st);
  for (const f of forms) if (has(head + f)) return head + f;
  return term;
}
