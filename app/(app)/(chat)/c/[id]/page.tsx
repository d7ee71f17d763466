import { notFound } from "next/navigation";
import { z } from "zod";
import { ChatView } from "@/components/chat/chat-view";
import type { ChatMessage } from "@/components/chat/types";
import { modelInfo } from "@/lib/agent/provider";
import { requireUser } from "@/lib/auth/session";
import { messagePage } from "@/lib/chat/history";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

type Params = { params: Promise<{ id: string }> };

async function load(id: string, userId: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  try {
    const conversation = await db.conversation.findFirst({ where: { id, userId }, select: { title: true } });
    if (!conversation) notFound();
    return { title: conversation.title, page: await messagePage(db, userId, id) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params) {
  const user = await requireUser();
  const { title } = await load((await params).id, user.id);
  return { title: `${title} · Doable` };
}

export default async function ConversationPage({ params }: Params) {
  const { id } = await params;
  const user = await requireUser();
  const { page } = await load(id, user.id);
  return (
    <ChatView
      key={id}
      conversationId={id}
      initialMessages={page.messages as ChatMessage[]}
      hasMore={page.hasMore}
      modelLabel={modelInfo().label}
      firstName={user.name.split(" ")[0] ?? user.name}
    />
  );
}
