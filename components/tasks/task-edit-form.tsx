"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { PRIORITIES } from "@/lib/tasks/priorities";
import type { UpdateTaskInput } from "@/lib/tasks/schemas";
import type { Priority, TaskView } from "@/lib/tasks/types";
import { dueInput, dueParts } from "./due";

const INPUT =
  "w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent/25";

/** "home, #Work errands" → ["home", "work", "errands"]: only to tell which tags changed; the service validates and normalises them. */
function tagList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((t) => t.replace(/^#+/, "").trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/**
 * Inline edit of title, notes, due date (day, optional time), priority and tags; sends only what
 * changed. `onSave` answers the service's refusal, shown under the form, or null once saved.
 */
export function TaskEditForm({
  task,
  onSave,
  onCancel,
}: {
  task: TaskView;
  onSave: (changes: Omit<UpdateTaskInput, "task">) => Promise<string | null>;
  onCancel: () => void;
}) {
  const id = useId();
  const initial = dueParts(task.dueDate);
  const [title, setTitle] = useState(task.title);
  const [notes, setNotes] = useState(task.description ?? "");
  const [day, setDay] = useState(initial?.day ?? "");
  const [time, setTime] = useState(initial?.time ?? "");
  const [priority, setPriority] = useState<Priority>(task.priority);
  const [tags, setTags] = useState(task.tags.map((t) => `#${t}`).join(" "));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const changes: Omit<UpdateTaskInput, "task"> = {};
    if (title.trim() !== task.title) changes.title = title;
    if (notes.trim() !== (task.description ?? "")) changes.description = notes.trim() || null;
    if (day !== (initial?.day ?? "") || (day && time !== (initial?.time ?? ""))) changes.dueDate = dueInput(day, time);
    if (priority !== task.priority) changes.priority = priority;
    const wanted = tagList(tags);
    const added = wanted.filter((t) => !task.tags.includes(t));
    const removed = task.tags.filter((t) => !wanted.includes(t));
    if (added.length) changes.addTags = added;
    if (removed.length) changes.removeTags = removed;
    if (Object.keys(changes).length === 0) return onCancel();
    setSaving(true);
    setError(await onSave(changes));
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
        <input
          id={`${id}-title`}
          // biome-ignore lint/a11y/noAutofocus: the form opens on the user's Edit, so focus belongs in it.
          autoFocus
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          className={INPUT}
        />
      </div>
      <div>
        <label htmlFor={`${id}-notes`} className="text-xs font-medium text-muted">
          Notes
        </label>
        <textarea
          id={`${id}-notes`}
          rows={2}
          maxLength={2000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          className={`${INPUT} resize-y`}
        />
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
          <input
            id={`${id}-time`}
            type="time"
            value={time}
            disabled={!day}
            onChange={(e) => setTime(e.target.value)}
            className={INPUT}
          />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor={`${id}-priority`} className="text-xs font-medium text-muted">
            Priority
          </label>
          <select
            id={`${id}-priority`}
            value={priority}
            onChange={(e) => setPriority(e.target.value as Priority)}
            className={INPUT}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p.charAt(0).toUpperCase() + p.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-tags`} className="text-xs font-medium text-muted">
            Tags
          </label>
          <input
            id={`${id}-tags`}
            value={tags}
            placeholder="#home #work"
            autoComplete="off"
            onChange={(e) => setTags(e.target.value)}
            className={INPUT}
          />
        </div>
      </div>
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
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
