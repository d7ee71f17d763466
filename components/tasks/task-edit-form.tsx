"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { PRIORITIES } from "@/lib/tasks/priorities";
import type { UpdateTaskInput } from "@/lib/tasks/schemas";
import type { Priority, TaskView } from "@/lib/tasks/types";
import { dueInput, dueParts } from "./due";

const INPUT = "w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent/25";

/** Inline edit of title, due date (day, optional time) and priority; sends only what changed. */
export function TaskEditForm({ task, onSave, onCancel }: { task: TaskView; onSave: (changes: Omit<UpdateTaskInput, "task">) => Promise<unknown>; onCancel: () => void }) {
  const id = useId();
  const initial = dueParts(task.dueDate);
  const [title, setTitle] = useState(task.title);
  const [day, setDay] = useState(initial?.day ?? "");
  const [time, setTime] = useState(initial?.time ?? "");
  const [priority, setPriority] = useState<Priority>(task.priority);
  const [saving, setSaving] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const changes: Omit<UpdateTaskInput, "task"> = {};
    if (title.trim() !== task.title) changes.title = title;
    if (day !== (initial?.day ?? "") || (day && time !== (initial?.time ?? ""))) changes.dueDate = dueInput(day, time);
    if (priority !== task.priority) changes.priority = priority;
    if (Object.keys(changes).length === 0) return onCancel();
    setSaving(true);
    await onSave(changes);
    setSaving(false);
  }

  return (
    <form
      onSubmit={submit}
      onKeyDown={(event) => event.key === "Escape" && onCancel()}
      aria-label={`Edit task #${task.number}`}
      className="space-y-2 rounded-lg border border-accent/50 bg-surface p-3"
    >
      <div>
        <label htmlFor={`${id}-title`} className="text-xs font-medium text-muted">
          Title
        </label>
        <input id={`${id}-title`} autoFocus required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} className={INPUT} />
      </div>
      <div className="grid grid-cols-[1fr_auto] gap-2">
        <div>
          <label htmlFor={`${id}-day`} className="text-xs font-medium text-muted">
            Due date
          </label>
          <input id={`${id}-day`} type="date" value={day} onChange={(e) => setDay(e.target.value)} className={INPUT} />
        </div>
        <div>
          <label htmlFor={`${id}-time`} className="text-xs font-medium text-muted">
            Time
          </label>
          <input id={`${id}-time`} type="time" value={time} disabled={!day} onChange={(e) => setTime(e.target.value)} className={INPUT} />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-priority`} className="text-xs font-medium text-muted">
          Priority
        </label>
        <select id={`${id}-priority`} value={priority} onChange={(e) => setPriority(e.target.value as Priority)} className={INPUT}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p[0]!.toUpperCase() + p.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={saving}>
          Save
        </Button>
      </div>
    </form>
  );
}
