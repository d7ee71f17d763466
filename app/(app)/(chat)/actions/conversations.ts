"use server";

import { runAction, type ActionResult } from "@/lib/action-result";
import { requireApiUser } from "@/lib/auth/session";
import { deleteConversation, renameConversation, setConversationArchived } from "@/lib/conversations/changes";
import { listConversations } from "@/lib/conversations/list";
import type { ListInput } from "@/lib/conversations/schemas";
import type { ConversationPage } from "@/lib/conversations/types";
import { getDb } from "@/lib/db/client";

export async function listConversationsAction(input: ListInput): Promise<ActionResult<ConversationPage>> {
  return runAction(async () => listConversations(await getDb(), (await requireApiUser()).id, input));
}

export async function renameConversationAction(id: string, title: string): Promise<ActionResult<{ title: string }>> {
  return runAction(async () => {
    const renamed = await renameConversation(await getDb(), (await requireApiUser()).id, { id, title });
    return { title: renamed.title };
  });
}

export async function archiveConversationAction(id: string, archived: boolean): Promise<ActionResult> {
  return runAction(async () => {
    await setConversationArchived(await getDb(), (await requireApiUser()).id, id, archived);
    return {};
  });
}

export async function deleteConversationAction(id: string): Promise<ActionResult> {
  return runAction(async () => {
    await deleteConversation(await getDb(), (await requireApiUser()).id, id);
    return {};
  });
}
