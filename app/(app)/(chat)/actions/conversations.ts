"use server";

// The sidebar's reads and changes; lib/conversations validates ids and titles (another user's
// conversation is not found).
import { z } from "zod";
import { requestClient } from "@/lib/audit/request";
import {
  deleteConversation,
  renameConversation,
  setConversationArchived,
  setConversationPinned,
} from "@/lib/conversations/changes";
import { listConversations } from "@/lib/conversations/list";
import type { ListInput } from "@/lib/conversations/schemas";
import { userAction } from "@/lib/user-action";

const passed = <T>() => z.custom<T>(() => true);

export const listConversationsAction = userAction(z.tuple([passed<ListInput>()]), async ([input], { user, db }) =>
  listConversations(db, user.id, input),
);

export const renameConversationAction = userAction(
  z.tuple([passed<string>(), passed<string>()]),
  async ([id, title], { user, db }) => {
    const renamed = await renameConversation(db, user.id, { id, title }, await requestClient());
    return { title: renamed.title };
  },
);

export const archiveConversationAction = userAction(
  z.tuple([passed<string>(), z.boolean()]),
  async ([id, archived], { user, db }) => {
    await setConversationArchived(db, user.id, id, archived, await requestClient());
    return {};
  },
);

export const pinConversationAction = userAction(
  z.tuple([passed<string>(), z.boolean()]),
  async ([id, pinned], { user, db }) => setConversationPinned(db, user.id, id, pinned),
);

export const deleteConversationAction = userAction(z.tuple([passed<string>()]), async ([id], { user, db }) => {
  await deleteConversation(db, user.id, id, await requestClient());
  return {};
});
