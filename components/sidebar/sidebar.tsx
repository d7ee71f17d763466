"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import {
  archiveConversationAction,
  deleteConversationAction,
  pinConversationAction,
  renameConversationAction,
} from "@/app/(app)/(chat)/actions/conversations";
import { buttonClass } from "@/components/ui/button";
import { PlusIcon, SearchIcon } from "@/components/ui/icons";
import type { ConversationSummary } from "@/lib/conversations/types";
import { ConversationList } from "./conversation-list";
import { DeleteConversationDialog } from "./delete-conversation-dialog";
import { useConversationList, type ListView } from "./use-conversation-list";
import { useDebouncedValue } from "./use-debounced-value";

/** The conversation history: new chat, search, the active/archived lists and their row actions. */
export function Sidebar({ onNavigate }: { onNavigate: () => void }) {
  const router = useRouter();
  const currentId = /^\/c\/([^/?#]+)/.exec(usePathname())?.[1] ?? null;
  const [view, setView] = useState<ListView>("active");
  const [search, setSearch] = useState("");
  const query = useDebouncedValue(search.trim(), 300);
  const list = useConversationList(view, query);
  const [deleting, setDeleting] = useState<ConversationSummary | null>(null);

  async function rename(conversation: ConversationSummary, title: string): Promise<boolean> {
    const result = await renameConversationAction(conversation.id, title);
    if (!result.ok) {
      toast.error(result.message);
      return false;
    }
    list.rename(conversation.id, result.title);
    toast.success("Conversation renamed");
    return true;
  }

  async function setArchived(conversation: ConversationSummary, archived: boolean, offerUndo = true) {
    const result = await archiveConversationAction(conversation.id, archived);
    if (!result.ok) return void toast.error(result.message);
    list.remove(conversation.id);
    if (!offerUndo) return list.reload();
    toast.success(archived ? `Archived “${conversation.title}”` : `Restored “${conversation.title}”`, {
      action: { label: "Undo", onClick: () => void setArchived(conversation, !archived, false) },
    });
  }

  async function togglePin(conversation: ConversationSummary) {
    const result = await pinConversationAction(conversation.id, conversation.pinnedAt === null);
    if (!result.ok) return void toast.error(result.message);
    list.pin(conversation, result.pinnedAt);
  }

  async function remove(conversation: ConversationSummary) {
    const result = await deleteConversationAction(conversation.id);
    setDeleting(null);
    if (!result.ok) return void toast.error(result.message);
    list.remove(conversation.id);
    toast.success(`Deleted “${conversation.title}”`);
    if (conversation.id === currentId) router.push("/");
  }

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="space-y-2 p-3">
        <Link href="/" onClick={onNavigate} className={buttonClass("secondary", "w-full justify-start")}>
          <PlusIcon /> New chat
        </Link>
        <div className="relative">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted" />
          <input
            type="search"
            aria-label="Search conversations"
            placeholder="Search"
            value={search}
            maxLength={200}
            onChange={(event) => setSearch(event.target.value)}
            className="w-full rounded-lg border border-line bg-canvas py-1.5 pr-2 pl-8 text-sm outline-none placeholder:text-muted focus:border-accent focus:ring-2 focus:ring-accent/25"
          />
        </div>
        <fieldset
          aria-label="Which conversations"
          className="grid min-w-0 grid-cols-2 gap-1 rounded-lg bg-subtle p-0.5 text-xs font-medium"
        >
          {(["active", "archived"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={view === option}
              onClick={() => setView(option)}
              className={`rounded-md px-2 py-1 ${view === option ? "bg-surface text-ink shadow-sm" : "text-muted hover:text-ink"}`}
            >
              {option === "active" ? "Chats" : "Archived"}
            </button>
          ))}
        </fieldset>
      </div>
      <ConversationList
        list={list}
        view={view}
        searching={Boolean(query)}
        currentId={currentId}
        onNavigate={onNavigate}
        onRename={rename}
        onArchive={(conversation) => void setArchived(conversation, conversation.status !== "archived")}
        onPin={(conversation) => void togglePin(conversation)}
        onDelete={setDeleting}
      />
      <DeleteConversationDialog conversation={deleting} onCancel={() => setDeleting(null)} onConfirm={remove} />
    </div>
  );
}
