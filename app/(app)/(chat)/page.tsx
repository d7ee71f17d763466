import { randomUUID } from "node:crypto";
import { ChatView } from "@/components/chat/chat-view";
import { modelInfo } from "@/lib/agent/provider";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "New chat · Doable" };

export default async function NewChatPage() {
  const user = await requireUser();
  // A fresh key per visit: "New chat" always starts empty, even after the URL moved to /c/<id>.
  return (
    <ChatView
      key={randomUUID()}
      initialMessages={[]}
      hasMore={false}
      modelLabel={modelInfo().label}
      firstName={user.name.split(" ")[0] ?? user.name}
    />
  );
}
