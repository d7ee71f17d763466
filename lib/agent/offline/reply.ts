// The assistant's words after the tools ran: short, in markdown, naming what changed
// with absolute due dates in the user's zone, in the user's language (en/es/fr/de; the
// sentences are the data of messages.ts). A list is shown by its card: the reply sums it up in one line. A
// yes/no or "when is" question gets an answer sentence. Never an id.
// One file (over 300 lines): every tool's reply goes through one composer so wording, language and dates agree.
import { formatDue, formatDueIn, joinList, whenPhrase, type ReplyLanguage } from "./format";
import { today, type DateContext } from "./dates";
import { dayInZone, isoDate } from "@/lib/time/zone";
import { dateTimeFormat } from "@/lib/time/intl";
import type { TaskView, ToolCall, ToolError, ToolResult } from "./types";
import { messages, type Language } from "./messages";

/** What the user asked, when the reply should answer rather than report (see interpret.ts replyHints). */
export type QuestionKind = "done" | "open" | "when" | "within";

export type ReplyContext = {
  now: Date;
  timeZone: string;
  /** The language of the user's message (normalize.ts); confirmations follow it. */
  language?: ReplyLanguage;
  /** The user asked a yes/no question ("is X done?", "is X still open?") or "when is X?". */
  question?: QuestionKind;
  /** For a "within" question ("is X this week?"): the inclusive days asked about (ISO dates). */
  period?: { after: string; before: string; phrase: string };
  /** The latest changing turn before this one (dialogue state): says what an undo put back. */
  previousChange?: { calls: ToolCall[]; results: unknown[] };
};
type Ctx = ReplyContext;
type OkResult = Extract<ToolResult, { ok: true }>;
type Ok<K extends OkResult["kind"]> = OkResult & { kind: K };

function label(t: TaskView): string {
  return `**#${t.number} ${t.title}**`;
}

function details(t: TaskView, ctx: DateContext, opts: { status?: boolean } = {}): string {
  const parts: string[] = [];
  if (opts.status && t.status === "completed") parts.push("done");
  if (t.dueDate) parts.push(`due ${formatDue(t.dueDate, t.dueAllDay, ctx)}`);
  if (t.priority !== "medium") parts.push(`${t.priority} priority`);
  if (t.tags.length) parts.push(t.tags.map((x) => `#${x.replace(/^#/, "")}`).join(" "));
  return parts.join(" · ");
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function joinNames(ts: TaskView[], lang: ReplyLanguage = "en"): string {
  return joinList(
    ts.map((t) => `#${t.number} ${t.title}`),
    lang,
  );
}

function describeFilter(filter: Record<string, unknown>, ctx: DateContext): string {
  const bits: string[] = [];
  if (filter.status === "completed") bits.push("completed");
  if (filter.status === "pending") bits.push("open");
  if (filter.priority) bits.push(`${filter.priority} priority`);
  const due: Record<string, string> = {
    overdue: "overdue",
    today: "due today",
    tomorrow: "due tomorrow",
    this_week: "due this week",
    next_week: "due next week",
  };
  if (typeof filter.due === "string" && due[filter.due]) bits.push(due[filter.due]);
  const after = typeof filter.dueAfter === "string" ? filter.dueAfter : null;
  const before = typeof filter.dueBefore === "string" ? filter.dueBefore : null;
  if (after && before && after === before) bits.push(`due ${formatDue(after, true, ctx)}`);
  else if (after && before && !/T/.test(after + before)) bits.push(`due ${periodPhrase(after, before, ctx)}`);
  else {
    if (after) bits.push(`due after ${formatDue(after, !/T/.test(after), ctx)}`);
    if (before) bits.push(`due before ${formatDue(before, !/T/.test(before), ctx)}`);
  }
  if (filter.tag) bits.push(`tagged #${String(filter.tag).replace(/^#/, "")}`);
  if (filter.search) bits.push(`matching "${filter.search}"`);
  return bits.join(", ");
}

/** One line instead of the list the card above already shows. */
function listReply(r: Ok<"listed">, ctx: Ctx): string {
  const lang = ctx.language ?? "en";
  const f = r.filter ?? {};
  if (lang !== "en") {
    const say = messages(lang);
    const what = describeFilterIn(f, lang);
    if (r.total === 0) return say.noTasks(what);
    return `${say.tasks(r.total)}${what ? ` (${what})` : ""}.`;
  }
  const what = describeFilter(f, ctx);
  const byCompletion = typeof f.completedAfter === "string" || typeof f.completedBefore === "string";
  if (byCompletion) {
    // An empty period says so; it says nothing about the rest of the list.
    if (r.total === 0) {
      const also = describeFilter({ ...f, status: undefined }, ctx);
      return `You didn't complete any tasks ${completionPeriod(f, ctx)}${also ? ` (${also})` : ""}.`;
    }
    const n = r.total === 1 ? "1 task" : `${r.total} tasks`;
    return `You completed ${n} ${completionPeriod(f, ctx)}.`;
  }
  if (r.total === 0) return what ? `No tasks match (${what}).` : "No tasks match — your list is empty.";
  const head = `${r.total === 1 ? "1 task" : `${r.total} tasks`}${what ? ` (${what})` : ""}`;
  // The first open task with a due date is worth a word; the card has the rest.
  const next = r.tasks.find((t) => t.status === "pending" && t.dueDate);
  if (next && r.total > 1)
    return `${head} — next up: ${label(next)}, ${whenPhrase(next.dueDate!, next.dueAllDay, ctx)}.`;
  return `${head}.`;
}

function completionPeriod(f: Record<string, unknown>, ctx: Ctx): string {
  const a = typeof f.completedAfter === "string" ? f.completedAfter : null;
  const b = typeof f.completedBefore === "string" ? f.completedBefore : null;
  if (a && b && a.slice(0, 10) === b.slice(0, 10)) return whenPhrase(a.slice(0, 10), true, ctx);
  if (a && b) return periodPhrase(a, b, ctx);
  if (a) return `since ${formatDue(a.slice(0, 10), true, ctx)}`;
  return `until ${formatDue(b!.slice(0, 10), true, ctx)}`;
}

/** Inclusive days as a person says them: "on Fri, May 1", "in May" (a whole month), "between Mon, May 4 and Fri, May 8". */
function periodPhrase(after: string, before: string, ctx: Ctx): string {
  const a = after.slice(0, 10);
  const b = before.slice(0, 10);
  if (a === b) return `on ${formatDue(a, true, ctx)}`;
  const month = wholeMonth(a, b);
  if (month) {
    const thisYear = month.year === today(ctx).year;
    const name = dateTimeFormat("en-US", { timeZone: "UTC", month: "long", ...(thisYear ? {} : { year: "numeric" }) });
    return `in ${name.format(new Date(Date.UTC(month.year, month.month - 1, 15)))}`;
  }
  return `between ${formatDue(a, true, ctx)} and ${formatDue(b, true, ctx)}`;
}

/** The month when the days a…b (ISO dates, inclusive) are exactly its first to its last. */
function wholeMonth(a: string, b: string): { year: number; month: number } | null {
  const from = /^(\d{4})-(\d{2})-01$/.exec(a);
  const to = /^(\d{4})-(\d{2})-(\d{2})$/.exec(b);
  if (!from || !to || from[1] !== to[1] || from[2] !== to[2]) return null;
  const year = +from[1]!;
  const month = +from[2]!;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return +to[3]! === last ? { year, month } : null;
}

function describeFilterIn(f: Record<string, unknown>, lang: Language): string {
  const w = messages(lang).words as Record<string, string>;
  const bits: string[] = [];
  const byCompletion = typeof f.completedAfter === "string" || typeof f.completedBefore === "string";
  if (f.status === "completed" || f.status === "pending") bits.push(w[f.status]!);
  else if (byCompletion) bits.push(w.completed);
  if (typeof f.priority === "string") bits.push(w[f.priority]!);
  if (typeof f.due === "string" && w[f.due]) bits.push(w[f.due]!);
  if (f.tag) bits.push(`#${String(f.tag).replace(/^#/, "")}`);
  if (f.search) bits.push(`«${f.search}»`);
  return bits.join(", ");
}

/** "Yes — you completed it today at 3:10 PM", "The dentist is on Thursday at 3:00 PM" (messages.ts `answer`, per language). */
function answerReply(r: Ok<"listed">, kind: QuestionKind, ctx: Ctx): string {
  const lang = ctx.language ?? "en";
  const say = messages(lang).answer;
  const when = (d: string, allDay: boolean | undefined) => whenPhrase(d, allDay, ctx, lang);
  const search = typeof r.filter?.search === "string" ? r.filter.search : "";
  if (r.total === 0) return say.notFound(search);
  if (r.tasks.length > 1) {
    const each = r.tasks
      .slice(0, 4)
      .map((t) =>
        kind === "when" || kind === "within"
          ? say.itemWhen(label(t), t.dueDate ? when(t.dueDate, t.dueAllDay) : null)
          : say.itemStatus(label(t), t.status === "completed"),
      );
    return say.many(r.total, search, joinList(each, lang));
  }
  const t = r.tasks[0]!;
  const done = t.status === "completed";
  if (kind === "within") {
    if (!t.dueDate) return say.withinNoDue(label(t));
    const day = dayInZone(t.dueDate, ctx.timeZone);
    const iso = day ? isoDate(day) : "";
    const p = ctx.period;
    const inside = !!p && iso >= p.after && iso <= p.before;
    return say.within(inside, label(t), when(t.dueDate, t.dueAllDay), done);
  }
  if (kind === "when") {
    if (!t.dueDate) return say.whenNoDue(label(t), done);
    return say.when(label(t), when(t.dueDate, t.dueAllDay), done);
  }
  const at = t.completedAt ? when(t.completedAt, false) : "";
  const due = t.dueDate ? when(t.dueDate, t.dueAllDay) : "";
  return kind === "done" ? say.done(done, label(t), at, due) : say.open(!done, label(t), at, due);
}

const FIELD_ALIASES: Record<string, string> = {
  duedate: "dueDate",
  due: "dueDate",
  "due date": "dueDate",
  deadline: "dueDate",
  title: "title",
  name: "title",
  priority: "priority",
  tags: "tags",
  addtags: "tags",
  removetags: "tags",
  tag: "tags",
  description: "description",
  note: "description",
  notes: "description",
  remindat: "remindAt",
  reminder: "remindAt",
  repeat: "repeat",
};

function updateReply(r: Ok<"updated">, call: ToolCall | undefined, ctx: Ctx): string {
  const lang = ctx.language ?? "en";
  const say = messages(lang).change;
  const due = (d: string, allDay: boolean | undefined) =>
    lang === "en" ? formatDue(d, allDay, ctx) : formatDueIn(d, allDay, ctx, lang);
  const fields = new Set<string>();
  for (const c of r.changes ?? []) {
    const key = FIELD_ALIASES[c.toLowerCase()] ?? FIELD_ALIASES[c.toLowerCase().split(/[:\s]/)[0]];
    if (key) fields.add(key);
  }
  if (call) {
    for (const k of Object.keys(call.input)) {
      const key = FIELD_ALIASES[k.toLowerCase()];
      if (key) fields.add(key);
    }
  }
  const t = r.task;
  const parts: string[] = [];
  if (fields.has("title")) parts.push(say.renamed(t.title));
  if (fields.has("dueDate")) parts.push(t.dueDate ? say.due(due(t.dueDate, t.dueAllDay)) : say.noDue);
  if (fields.has("priority")) parts.push(say.priority(t.priority));
  if (fields.has("tags"))
    parts.push(t.tags.length ? say.tags(t.tags.map((x) => `#${x.replace(/^#/, "")}`).join(" ")) : say.noTags);
  if (fields.has("description")) parts.push(t.description ? say.note(t.description) : say.noteRemoved);
  if (fields.has("remindAt")) parts.push(t.remindAt ? say.reminder(due(t.remindAt, false)) : say.noReminder);
  if (fields.has("repeat"))
    parts.push(t.repeat ? say.repeats((lang === "en" ? t.repeatText : undefined) ?? t.repeat) : say.noRepeat);
  if (!parts.length && r.changes?.length && lang === "en") parts.push(r.changes.join(", "));
  return messages(lang).updated(label(t), parts);
}

/** The kind of change the previous changing turn made to each task number. */
function changeKinds(prev: Ctx["previousChange"]): Map<number, string> {
  const kinds = new Map<number, string>();
  for (const r of prev?.results ?? []) {
    const x = r as { ok?: boolean; kind?: string; task?: { number?: number } } | null;
    if (x?.ok && x.kind && typeof x.task?.number === "number" && !kinds.has(x.task.number))
      kinds.set(x.task.number, x.kind);
  }
  return kinds;
}

function undoReply(r: Ok<"undone">, ctx: Ctx): string {
  const lang = ctx.language ?? "en";
  const say = messages(lang);
  const tasks = r.tasks?.length ? r.tasks : r.task ? [r.task] : [];
  const count = r.count ?? tasks.length;
  const kinds = changeKinds(ctx.previousChange);
  const what = (t: TaskView, bold: boolean) => {
    const name = bold ? label(t) : `#${t.number} ${t.title}`;
    const verb = (say.undid as Record<string, string>)[kinds.get(t.number) ?? ""];
    return verb ? `${verb} ${name}` : name;
  };
  const allKnown = tasks.length > 0 && tasks.every((t) => kinds.has(t.number));
  if (count > 1) {
    return say.undoMany(
      count,
      joinList(
        tasks.map((t) => what(t, false)),
        lang,
      ),
      allKnown,
    );
  }
  const t = tasks[0];
  if (!t) return say.undoNone;
  if (kinds.has(t.number)) return say.undoKnown(what(t, true));
  return say.undoBack(label(t));
}

function detailsIn(t: TaskView, ctx: Ctx): string {
  const lang = ctx.language ?? "en";
  if (lang === "en") return details(t, ctx);
  const w = messages(lang).words;
  const parts: string[] = [];
  if (t.dueDate) parts.push(messages(lang).dueOn(formatDueIn(t.dueDate, t.dueAllDay, ctx, lang)));
  if (t.priority !== "medium") parts.push(w[t.priority]!);
  if (t.tags.length) parts.push(t.tags.map((x) => `#${x.replace(/^#/, "")}`).join(" "));
  return parts.join(" · ");
}

function errorReply(e: ToolError, lang: Language): string {
  const say = messages(lang);
  // The service words its errors in English; other languages get the message of the error's kind.
  const msg = lang === "en" ? sentence(e.message || say.errors.other) : (say.errors[e.code] ?? say.errors.other);
  if (e.candidates?.length) {
    const options = joinList(
      e.candidates.slice(0, 6).map((t) => `#${t.number} ${t.title}`),
      lang,
      "disjunction",
    );
    return `${msg} ${say.whichOfThese(options)}`;
  }
  return msg;
}

export function composeReply(calls: ToolCall[], results: ToolResult[], ctx: Ctx): string {
  const lang = ctx.language ?? "en";
  const said = messages(lang);
  if (!results.length) return calls.length ? said.couldNotRun : "";
  const out: string[] = [];
  const seen = new Set<number>();
  const groupOf = (kind: string) =>
    results.map((r, i) => ({ r, i })).filter(({ r }) => r.ok && (r as { kind: string }).kind === kind);

  // Bulk changes the user rejected: one sentence, not one per task.
  const rejected = results.filter((r) => !r.ok && r.code === "rejected").length;
  if (rejected > 1) {
    for (const [i, r] of results.entries()) if (!r.ok && r.code === "rejected") seen.add(i);
    out.push(rejected === results.length ? said.rejectedAll(rejected) : said.rejectedSome(rejected));
  }
  // A question about one thing is answered, not listed.
  const lists = results.filter((r) => r.ok && r.kind === "listed");
  const answer = ctx.question && lists.length === 1 && results.length === 1 ? ctx.question : undefined;
  results.forEach((r, i) => {
    if (seen.has(i)) return;
    if (!r.ok) {
      seen.add(i);
      out.push(errorReply(r, lang));
      return;
    }
    const same = groupOf(r.kind).filter(({ i: j }) => !seen.has(j));
    switch (r.kind) {
      case "added": {
        for (const { i: j } of same) seen.add(j);
        const ts = same.map(({ r: x }) => (x as Ok<"added">).task as TaskView);
        if (ts.length === 1) {
          const d = detailsIn(ts[0], ctx);
          out.push(sentence(`${said.added(label(ts[0]))}${d ? ` — ${d}` : ""}`));
        } else {
          out.push(
            [
              said.addedMany(ts.length),
              ...ts.map((t) => `- #${t.number} ${t.title}${detailsIn(t, ctx) ? ` — ${detailsIn(t, ctx)}` : ""}`),
            ].join("\n"),
          );
        }
        break;
      }
      case "listed":
        seen.add(i);
        out.push(answer && typeof r.filter?.search === "string" ? answerReply(r, answer, ctx) : listReply(r, ctx));
        break;
      case "completed":
      case "reopened":
      case "deleted": {
        for (const { i: j } of same) seen.add(j);
        const ts = same.map(({ r: x }) => (x as Ok<"completed">).task as TaskView);
        const one = ts.length === 1;
        if (r.kind === "completed")
          out.push(one ? said.completed(label(ts[0])) : said.completedMany(ts.length, joinNames(ts, lang)));
        if (r.kind === "reopened")
          out.push(one ? said.reopened(label(ts[0])) : said.reopenedMany(ts.length, joinNames(ts, lang)));
        if (r.kind === "deleted")
          out.push(one ? said.deleted(label(ts[0])) : said.deletedMany(ts.length, joinNames(ts, lang)));
        break;
      }
      case "updated":
        seen.add(i);
        out.push(updateReply(r as Ok<"updated">, calls[i], ctx));
        break;
      case "undone": {
        seen.add(i);
        out.push(undoReply(r as Ok<"undone">, ctx));
        break;
      }
    }
  });
  return out.join("\n\n");
}
