// The assistant's words after the tools ran: short, in markdown, naming what changed
// with absolute due dates in the user's zone.
import { formatDue } from "./format";
import type { DateContext } from "./dates";
import type { TaskView, ToolCall, ToolError, ToolResult } from "./types";

type Ctx = { now: Date; timeZone: string };
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

function joinNames(ts: TaskView[]): string {
  const names = ts.map((t) => `#${t.number} ${t.title}`);
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
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
  if (typeof filter.dueAfter === "string" && filter.dueAfter === filter.dueBefore) bits.push(`due ${formatDue(filter.dueAfter, true, ctx)}`);
  else {
    if (typeof filter.dueAfter === "string") bits.push(`due after ${formatDue(filter.dueAfter, !/T/.test(filter.dueAfter), ctx)}`);
    if (typeof filter.dueBefore === "string") bits.push(`due before ${formatDue(filter.dueBefore, !/T/.test(filter.dueBefore), ctx)}`);
  }
  if (filter.tag) bits.push(`tagged #${String(filter.tag).replace(/^#/, "")}`);
  if (filter.search) bits.push(`matching "${filter.search}"`);
  return bits.join(", ");
}

function listReply(r: Ok<"listed">, ctx: DateContext): string {
  const what = describeFilter(r.filter ?? {}, ctx);
  if (r.tasks.length === 0) return what ? `No tasks match (${what}).` : "No tasks match — your list is empty.";
  const head =
    r.total === 1 ? `1 task${what ? ` (${what})` : ""}:` : `${r.total} tasks${what ? ` (${what})` : ""}:`;
  const lines = r.tasks.map((t) => {
    const d = details(t, ctx, { status: true });
    return `- #${t.number} ${t.status === "completed" ? `~~${t.title}~~` : t.title}${d ? ` — ${d}` : ""}`;
  });
  const more = r.total > r.tasks.length ? [`…and ${r.total - r.tasks.length} more.`] : [];
  return [head, ...lines, ...more].join("\n");
}

const FIELD_ALIASES: Record<string, string> = {
  duedate: "dueDate", due: "dueDate", "due date": "dueDate", deadline: "dueDate",
  title: "title", name: "title", priority: "priority", tags: "tags", addtags: "tags",
  removetags: "tags", tag: "tags", description: "description", note: "description", notes: "description",
};

function updateReply(r: Ok<"updated">, call: ToolCall | undefined, ctx: DateContext): string {
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
  if (fields.has("title")) parts.push(`renamed to “${t.title}”`);
  if (fields.has("dueDate")) parts.push(t.dueDate ? `due ${formatDue(t.dueDate, t.dueAllDay, ctx)}` : "no due date");
  if (fields.has("priority")) parts.push(`${t.priority} priority`);
  if (fields.has("tags")) parts.push(t.tags.length ? `tags ${t.tags.map((x) => `#${x.replace(/^#/, "")}`).join(" ")}` : "no tags");
  if (fields.has("description")) parts.push(t.description ? `note: “${t.description}”` : "note removed");
  if (!parts.length && r.changes?.length) parts.push(r.changes.join(", "));
  return parts.length ? `Updated ${label(t)}: ${parts.join(", ")}.` : `Updated ${label(t)}.`;
}

const UNDO_LABEL: Record<string, string> = {
  add: "adding of",
  complete: "completion of",
  reopen: "reopening of",
  update: "change to",
  delete: "deletion of",
};

function errorReply(e: ToolError): string {
  const msg = sentence(e.message || "Something went wrong.");
  if (e.candidates && e.candidates.length) {
    const names = e.candidates.slice(0, 6).map((t) => `#${t.number} ${t.title}`);
    const options = names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}` : names[0];
    return `${msg} Which one did you mean: ${options}?`;
  }
  return msg;
}

export function composeReply(calls: ToolCall[], results: ToolResult[], ctx: Ctx): string {
  if (!results.length) return calls.length ? "I couldn't run that — please try again." : "";
  const out: string[] = [];
  const seen = new Set<number>();
  const groupOf = (kind: string) =>
    results
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.ok && (r as { kind: string }).kind === kind);

  // Bulk changes the user rejected: one sentence, not one per task.
  const rejected = results.filter((r) => !r.ok && r.code === "rejected").length;
  if (rejected > 1) {
    results.forEach((r, i) => !r.ok && r.code === "rejected" && seen.add(i));
    out.push(rejected === results.length ? `Okay — I left those ${rejected} tasks as they were.` : `I left the ${rejected} rejected changes out.`);
  }
  results.forEach((r, i) => {
    if (seen.has(i)) return;
    if (!r.ok) {
      seen.add(i);
      out.push(errorReply(r));
      return;
    }
    const same = groupOf(r.kind).filter(({ i: j }) => !seen.has(j));
    switch (r.kind) {
      case "added": {
        same.forEach(({ i: j }) => seen.add(j));
        const ts = same.map(({ r: x }) => (x as Ok<"added">).task as TaskView);
        if (ts.length === 1) {
          const d = details(ts[0], ctx);
          out.push(`Added ${label(ts[0])}${d ? ` — ${d}` : ""}.`);
        } else {
          out.push([`Added ${ts.length} tasks:`, ...ts.map((t) => `- #${t.number} ${t.title}${details(t, ctx) ? ` — ${details(t, ctx)}` : ""}`)].join("\n"));
        }
        break;
      }
      case "listed":
        seen.add(i);
        out.push(listReply(r, ctx));
        break;
      case "completed":
      case "reopened":
      case "deleted": {
        same.forEach(({ i: j }) => seen.add(j));
        const ts = same.map(({ r: x }) => (x as Ok<"completed">).task as TaskView);
        const one = ts.length === 1;
        if (r.kind === "completed") out.push(one ? `Marked ${label(ts[0])} as done. ✓` : `Marked ${ts.length} tasks as done: ${joinNames(ts)}.`);
        if (r.kind === "reopened") out.push(one ? `Reopened ${label(ts[0])} — it's open again.` : `Reopened ${ts.length} tasks: ${joinNames(ts)}.`);
        if (r.kind === "deleted") out.push(one ? `Deleted ${label(ts[0])}. Say “undo” to bring it back.` : `Deleted ${ts.length} tasks: ${joinNames(ts)}. Say “undo” to bring them back.`);
        break;
      }
      case "updated":
        seen.add(i);
        out.push(updateReply(r as Ok<"updated">, calls[i], ctx));
        break;
      case "undone": {
        seen.add(i);
        // The undone operation is named by its kind; an id is never shown.
        const what = UNDO_LABEL[r.undoneOperation];
        if (r.task) out.push(what ? `Undone: the ${what} ${label(r.task)}.` : `Undone — ${label(r.task)} is back as it was.`);
        else out.push(what ? `Undone: the last ${r.undoneOperation}.` : "Undone — your last change is reverted.");
        break;
      }
    }
  });
  return out.join("\n\n");
}
