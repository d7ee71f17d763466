// The list_tasks filter a list request expresses: search, status, period, tag and priority — only what was said.
import { result, type Ctx } from "../context";
import { findDates, today } from "../dates";
import { addDays, daysInMonth, isoDate, weekdayOf } from "@/lib/time/zone";
import type { Interpretation } from "../types";
import { COUNT_WORD, completionPeriod, countOf, monthOf, OVERDUE, rangeOf } from "./list-periods";
import { cleanTerm, SEARCH_LEAD, SEARCH_VERB, searchable } from "./list-search";
import { unmarked } from "../spelling-marks";

const RANGE_JOIN = /^\s*(?:and|to|through|thru|till|until|-|–)\s*(?:the\s+)?$/i;

export function buildList(text: string, ctx: Ctx, confidence: number): Interpretation {
  const input: Record<string, unknown> = {};
  let body = text;

  // The search phrase goes first so its words are not read as filters ("about overdue invoices").
  let search: string | undefined;
  // "show me the report": a task's name rather than a kind of task.
  const named =
    /^(?:show|list|display|pull\s+up|bring\s+up|open|find)\s+(?:me\s+)?(?:the|my)\s+(.+?)(?:\s+(?:task|todo|item))?$/i.exec(
      body,
    );
  const LISTY =
    /\b(?:tasks|todos|to-dos|items|list|everything|all|due|overdue|priority|urgent|important|tagged|tags?|labels?|completed|finished|done|pending|open|remaining|today|tomorrow|week|month|agenda|stuff|things|ones)\b|#/i;
  const knownTag = (w: string) => ctx.tasks.some((t) => t.tags.some((g) => g.toLowerCase() === w.toLowerCase()));
  if (named && !LISTY.test(named[1]) && !knownTag(named[1])) {
    search = named[1];
    body = "";
  }
  // "which invoices do I have?", "what receipts have I got?": a kind of task, searched for.
  const kind =
    search === undefined
      ? /^(?:which|what)\s+(?:of\s+(?:my|the)\s+)?([a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)\s+(?:do|have)\s+i\s+(?:still\s+)?(?:have|got|need\s+to\s+[a-z]+)(?:\s+(?:left|open|pending|on\s+my\s+list))?$/i.exec(
          body,
        )
      : null;
  if (
    kind &&
    !LISTY.test(kind[1]!) &&
    !knownTag(kind[1]!) &&
    !/^(?:else|other|more|others|ones?|kinds?|sorts?|types?)\b/i.test(kind[1]!)
  ) {
    search = kind[1];
    body = "";
  }
  const sv = search === undefined ? SEARCH_VERB.exec(body) : null;
  const sl = search === undefined ? SEARCH_LEAD.exec(body) : null;
  if (sl) {
    search = sl[1];
    body = body.slice(0, sl.index);
  } else if (sv) {
    search = sv[1];
    body = "";
  }
  if (search !== undefined) {
    // Filters said after the search words still count ("about flights due this week").
    const tail =
      /\s+(?:(?:that\s+(?:are|is)\s+)?(?:due|overdue|tagged|with\s+(?:high|low)|(?:high|low|medium)[-\s]priority|completed|finished|done|pending|open)\b.*)$/i.exec(
        search,
      );
    if (tail) {
      body = `${body} ${tail[0]}`;
      search = search.slice(0, tail.index);
    }
    const tagged = /^#([\p{L}\p{N}_-]+)$/u.exec(search.trim());
    if (tagged) {
      body += ` ${search}`;
      search = undefined;
    }
  }

  const L = ` ${body.toLowerCase().replace(/[?!.]+/g, " ")} `;

  // Status
  const all =
    /\b(?:including|incl\.?|plus|with|as\s+well\s+as|even|also)\s+(?:the\s+)?(?:ones?\s+)?(?:completed|finished|done|closed|old|checked)\b/.test(
      L,
    ) ||
    // "show me everything, done ones too": the finished ones as well as the rest.
    /,\s*(?:the\s+)?(?:completed|finished|done|closed|ticked|checked)(?:\s+(?:ones|tasks|stuff))?\s+(?:too|as\s+well|also)\s*$/.test(
      L,
    ) ||
    /\b(?:completed|finished|done)\s+(?:and|or|&|\+)\s+(?:pending|open|not|un|incomplete|unfinished)/.test(L) ||
    /\b(?:pending|open|incomplete|unfinished)\s+(?:and|or|&|\+)\s+(?:completed|finished|done)\b/.test(L) ||
    /\b(?:both\s+(?:done|completed|finished|open|pending)|regardless\s+of\s+status|any\s+status|every\s+single\s+task|all\s+statuses)\b/.test(
      L,
    );
  const notDone =
    /\bnot\s+(?:yet\s+)?(?:done|completed|finished)\b|\bundone\b|\bincomplete\b|\bunfinished\b|\buncompleted\b|\b(?:haven'?t|have\s+not|hasn'?t|has\s+not|didn'?t|did\s+not)\s+(?:i\s+|we\s+)?(?:yet\s+|actually\s+|even\s+)?(?:done|completed|finished|do|finish|complete|gotten\s+(?:to|around\s+to)|got\s+(?:to|around\s+to))\b/.test(
      L,
    );
  const doneWords =
    /\b(?:did\s+(?:i|we)\s+(?:(?:already|actually|manage\s+to)\s+)?(?:complete|finish|do|get(?:\s+\w+)?\s+done|get\s+through|(?:tick|check|cross|knock)\s+off|knock\s+out|wrap\s+up|close\s+out|close|achieve|accomplish)|have\s+i\s+(?:completed|finished|done|closed(?:\s+out)?))\b/.test(
      L,
    ) ||
    /\b(?:completed|finished|done|closed(?:\s+out)?|(?:checked|ticked|crossed|knocked)[- ]off|knocked\s+out|wrapped\s+up|accomplished|achieved)\b/.test(
      L,
    );
  const doneIdiom = /\b(?:to\s+(?:get\s+)?(?:be\s+)?done|get\s+done|getting\s+done|be\s+done|needs?\s+doing)\b/.test(
    L.replace(/\b(?:did|have)\s+(?:i|we)\s+(?:\w+\s+)?(?:get|got|gotten)\s+done\b/, " finished "),
  );
  const pendingWords = /\b(?:pending|open|outstanding|remaining|left|active|to-?do|todo)\b/.test(
    L.replace(/\bleft\s+(?:over\s+)?from\b/, ""),
  );
  // "what did I complete last monday?", "list what I got done last month": when tasks were
  // completed (completedAfter/completedBefore, inclusive days), not when they were due.
  const completion =
    doneWords && !doneIdiom && !all && !notDone && !/\bdue\b/.test(L) ? completionPeriod(L, ctx) : null;
  if (completion) Object.assign(input, completion);
  else if (all) input.status = "all";
  else if (notDone || pendingWords) input.status = "pending";
  else if (doneWords && !doneIdiom && !completion) input.status = "completed";

  // Priority
  if (
    /\b(?:high|top|highest)[-\s]*pri(?:ority)?\b|\burgent\b|\bimportant\b|\bpriority\s*:?\s*high\b|\bcritical\b/.test(L)
  )
    input.priority = "high";
  else if (/\b(?:low|lowest)[-\s]*pri(?:ority)?\b|\bpriority\s*:?\s*low\b|\bunimportant\b/.test(L))
    input.priority = "low";
  else if (/\b(?:medium|normal|mid)[-\s]*pri(?:ority)?\b|\bpriority\s*:?\s*(?:medium|normal)\b/.test(L))
    input.priority = "medium";

  // Due
  let dueWords = L;
  if (completion) {
    // the period was the completion time
  } else if (/\bnext\s+month\b/.test(L)) {
    const t = today(ctx.date);
    const first = addDays({ year: t.year, month: t.month, day: 1 }, daysInMonth(t.year, t.month));
    input.dueAfter = isoDate(first);
    input.dueBefore = isoDate({ ...first, day: daysInMonth(first.year, first.month) });
  } else if (OVERDUE.test(L)) input.due = "overdue";
  else if (new RegExp(String.raw`\b(?:next|coming)\s+(?:(${COUNT_WORD})\s+)?(days?|weeks)\b`).test(L)) {
    // "in the next few days", "over the coming 2 weeks": from today on.
    const m = new RegExp(String.raw`\b(?:next|coming)\s+(?:(${COUNT_WORD})\s+)?(days?|weeks)\b`).exec(L)!;
    const t = today(ctx.date);
    input.dueAfter = isoDate(t);
    input.dueBefore = isoDate(
      addDays(t, countOf(m[1] ?? (/s$/.test(m[2]!) ? "few" : "1")) * (/^week/.test(m[2]!) ? 7 : 1)),
    );
  } else if (/\bweekend\b/.test(L)) {
    // "this weekend", "on the weekend", "next weekend": its Saturday and Sunday.
    const t = today(ctx.date);
    const saturday = addDays(
      t,
      -((weekdayOf(t) + 6) % 7) + 5 + (/\bnext\s+weekend\b/.test(L) ? 7 : /\blast\s+weekend\b/.test(L) ? -7 : 0),
    );
    input.dueAfter = isoDate(saturday);
    input.dueBefore = isoDate(addDays(saturday, 1));
  } else if (monthOf(L, ctx, "ahead")) Object.assign(input, rangeOf(monthOf(L, ctx, "ahead")!, "due"));
  else if (/\b(?:last|past|previous)\s+week\b/.test(L)) {
    const t = today(ctx.date);
    const monday = addDays(t, -((weekdayOf(t) + 6) % 7));
    input.dueAfter = isoDate(addDays(monday, -7));
    input.dueBefore = isoDate(addDays(monday, -1));
  } else if (/\bnext\s+week\b/.test(L)) input.due = "next_week";
  else if (
    /\b(?:this|the|rest\s+of\s+(?:the|this))\s+week\b|\bthis\s+coming\s+week\b|\bweek'?s\b/.test(L) &&
    !/\bweekend\b/.test(L)
  )
    input.due = "this_week";
  else if (/\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b/.test(L)) input.due = "today";
  else if (/\btomorrow\b/.test(L) && !/\bday\s+after\s+tomorrow\b/.test(L)) input.due = "tomorrow";
  else if (/\bthis\s+month\b/.test(L)) {
    const t = today(ctx.date);
    input.dueAfter = isoDate({ year: t.year, month: t.month, day: 1 });
    input.dueBefore = isoDate({ year: t.year, month: t.month, day: daysInMonth(t.year, t.month) });
  } else {
    const scan = findDates(body, ctx.date);
    const d = scan.dates[0];
    const e = scan.dates[1];
    // "between the 12th and the 20th", "from monday to thursday": both days are in the range.
    if (d && e && RANGE_JOIN.test(body.slice(d.end, e.index))) {
      input.dueAfter = isoDate(d.day);
      input.dueBefore = isoDate(e.day);
      dueWords = dueWords.replace(d.text.toLowerCase(), " ").replace(e.text.toLowerCase(), " ");
    } else if (d) {
      const before = body.slice(0, d.index).toLowerCase();
      const value = d.hasTime ? d.value : isoDate(d.day);
      // The bounds include their day: "by friday" keeps Friday, "before friday" stops on Thursday.
      const strict = (shift: number) => (d.hasTime ? d.value : isoDate(addDays(d.day, shift)));
      if (/\bbefore\s+(?:the\s+)?$/.test(before)) input.dueBefore = strict(-1);
      else if (/\b(?:by|until|till|no\s+later\s+than|up\s+to)\s+(?:the\s+)?$/.test(before)) input.dueBefore = value;
      else if (/\b(?:after|beyond)\s+(?:the\s+)?$/.test(before)) input.dueAfter = strict(1);
      else if (/\b(?:from|since|starting)\s+(?:the\s+)?$/.test(before)) input.dueAfter = value;
      else {
        input.dueAfter = isoDate(d.day);
        input.dueBefore = isoDate(d.day);
      }
      dueWords = dueWords.replace(d.text.toLowerCase(), " ");
    }
  }

  // Tag
  const knownTags = new Map<string, string>();
  for (const t of ctx.tasks)
    for (const tag of t.tags) knownTags.set(unmarked(tag.replace(/^#/, "")), tag.replace(/^#/, ""));
  // (Letters of any language: "#büro".)
  const tagRe =
    /(?:^|\s)#([\p{L}\p{N}_-]+)|\b(?:tagged|labell?ed|with\s+(?:the\s+)?(?:tag|label)|under(?:\s+the)?(?:\s+tag)?|in\s+(?:the\s+)?(?:tag|category|project))\s*:?\s*(?:as\s+|with\s+)?#?([\p{L}\p{N}_-]+)|\b(?:in|from|under|have|has|with)\s+(?:the\s+|my\s+|a\s+)?#?([\p{L}\p{N}_-]+)\s+(?:tag|category|project|label|list)\b|\b(?:the|my)\s+#?([\p{L}\p{N}_-]+)\s+(?:tag|label)\b/iu;
  const tm = tagRe.exec(body);
  let tag: string | undefined;
  if (tm) tag = (tm[1] ?? tm[2] ?? tm[3] ?? tm[4]).toLowerCase();
  else {
    // "the brewery-things" (German "Brauerei-Sachen"): a compound's first part may be the tag.
    const words = dueWords.replace(/\b(?:work|focus)\s+on\b/g, " ").split(/[^\p{L}\p{N}#_-]+/u);
    // "… last week? feels like I've done nothing but work": a sentence after the question is a remark.
    const asked = body.toLowerCase().split(/\?\s+(?=\S)/)[0]!;
    for (const bare of words.flatMap((w) => [w.replace(/^#/, ""), ...(w.includes("-") ? w.split("-") : [])])) {
      if (
        bare &&
        (knownTags.has(unmarked(bare)) || knownTags.has(`${unmarked(bare)}s`)) &&
        asked.includes(bare) &&
        !/^(?:high|low|medium|today|tomorrow|overdue|completed|done|pending|all|tasks?)$/.test(bare)
      ) {
        tag = knownTags.has(unmarked(bare)) ? bare : `${bare}s`;
        break;
      }
    }
  }
  if (tag) input.tag = knownTags.get(unmarked(tag)) ?? tag;

  if (search !== undefined) {
    const term = searchable(cleanTerm(search), ctx.tasks);
    if (term && !(input.tag && term.toLowerCase() === String(input.tag).toLowerCase() && !sl)) input.search = term;
  }

  const entities: Record<string, unknown> = { filter: { ...input } };
  return result("list_tasks", [{ tool: "list_tasks", input }], entities, confidence);
}
