import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Doable", template: "%s · Doable" },
  description: "Your todo list, managed by chatting.",
  icons: { icon: "/icon.svg" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0b0f" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page carries its request's CSP nonce (proxy.ts), so none can be prerendered once
  // for everyone: a prerendered page's scripts would have no nonce and be blocked.
  await connection();
  return (
    <html lang="en">
      <body className="font-sans">{children}</body>
    </html>
  );
}
