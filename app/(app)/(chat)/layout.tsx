import { ChatShell } from "@/components/shell/chat-shell";

// Only the chat pages get the sidebar and the task panel; the admin area sits beside this
// group under (app)/layout.tsx, which already requires a session and renders the header.
export default function ChatLayout({ children }: { children: React.ReactNode }) {
  return <ChatShell>{children}</ChatShell>;
}
