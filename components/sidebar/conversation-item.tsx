"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { ArchiveIcon, PencilIcon, PinIcon, RestoreIcon, TrashIcon } from "@/components/ui/icons";
import type { ConversationSummary } from "@/lib/conversations/types";

type Props = {
  conversation: ConversationSummary;
  current: boolean;
  /** Results of a search, which may include archived conversations: those say so. */
  searching?: boolean;
  onRename: (title: string) => Promise<boolean>;
  onArchive: () => void;
  onPin: () => void;
  onDelete: () => void;
  onNavigate: () => void;
};

const ACTION = "grid size-7 place-items-center rounded-md text-muted hover:bg-line/60 hover:text-ink";

export function ConversationItem({
  conversation,
  current,
  searching = false,
  onRename,
  onArchive,
  onPin,
  onDelete,
  onNavigate,
}: Props) {
  const [editing, setEditing] = useState(false);
  const archived = conversation.status === "archived";
  const pinned = conversation.pinnedAt !== null;

  if (editing) {
    return (
      <RenameForm
        title={conversation.title}
        onCancel={() => setEditing(false)}
        onSave={async (title) => (await onRename(title)) && setEditing(false)}
      />
    );
  }
  return (
    <div
      className={`group relative flex items-center rounded-lg ${current ? "bg-accent-soft text-ink" : "focus-within:bg-subtle hover:bg-subtle"}`}
    >
      <Link
        href={`/c/${conversation.id}`}
        aria-current={current ? "page" : undefined}
        onClick={onNavigate}
        className="min-w-0 flex-1 px-3 py-2 text-sm"
        title={conversation.title}
      >
        <span className={`block truncate ${current ? "font-medium" : ""}`}>
          {conversation.title}
          {archived && searching ? (
            <span className="ml-1.5 rounded bg-subtle px-1 py-px text-[11px] font-medium text-muted">Archived</span>
          ) : null}
        </span>
        {conversation.snippet ? (
          <span className="block truncate text-xs text-muted">{conversation.snippet}</span>
        ) : null}
      </Link>
      {/* Over the title's end on hover or focus, so titles keep their width; beside it on touch
          screens, which cannot hover. */}
      <div className="absolute inset-y-0 right-0 flex items-center gap-0.5 rounded-r-lg bg-inherit pr-1 pl-2 opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:none)]:static [@media(hover:none)]:opacity-100">
        <button
          type="button"
          className={ACTION}
          aria-label={`Rename “${conversation.title}”`}
          title="Rename"
          onClick={() => setEditing(true)}
        >
          <PencilIcon className="size-3.5" />
        </button>
        {archived ? null : (
          <button
            type="button"
            className={`${ACTION} ${pinned ? "text-accent" : ""}`}
            aria-label={`${pinned ? "Unpin" : "Pin"} “${conversation.title}”`}
            aria-pressed={pinned}
            title={pinned ? "Unpin" : "Pin"}
            onClick={onPin}
          >
            <PinIcon className="size-3.5" />
          </button>
        )}
        <button
          type="button"
          className={ACTION}
          aria-label={`${archived ? "Restore" : "Archive"} “${conversation.title}”`}
          title={archived ? "Restore" : "Archive"}
          onClick={onArchive}
        >
          {archived ? <RestoreIcon className="size-3.5" /> : <ArchiveIcon className="size-3.5" />}
        </button>
        <button
          type="button"
          className={`${ACTION} hover:text-danger`}
          aria-label={`Delete “${conversation.title}”`}
          title="Delete"
          onClick={onDelete}
        >
          <TrashIcon className="size-3.5" />
        </button>
      </div>
    </div>
  );
}

function RenameForm({
  title: shown,
  onSave,
  onCancel,
}: {
  title: string;
  onSave: (title: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  // Titles from before titles were cut at a word ended in "…": the box starts with the words only.
  const title = shown.replace(/\s*(?:…|\.{3})$/u, "");
  const [value, setValue] = useState(title);
  const [saving, setSaving] = useState(false);
  // Escape unmounts the input, and some browsers then fire blur: that must not save.
  const cancelled = useRef(false);
  const save = async () => {
    if (saving || cancelled.current) return;
    if (value.trim() === title) return onCancel();
    setSaving(true);
    await onSave(value);
    setSaving(false);
  };
  return (
    <form
      className="px-1 py-0.5"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <input
        aria-label="Conversation title"
        // biome-ignore lint/a11y/noAutofocus: the box opens on the user's Rename, so focus belongs in it.
        autoFocus
        value={value}
        maxLength={200}
        readOnly={saving}
        onChange={(event) => setValue(event.target.value)}
        onFocus={(event) => event.target.select()}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            cancelled.current = true;
            onCancel();
          }
        }}
        className="w-full rounded-md border border-accent bg-surface px-2 py-1.5 text-sm outline-none ring-2 ring-accent/25"
      />
    </form>
  );
}
