import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    // Inside the signed-in app it sits in the layout's flex row: flex-1 and w-full make it take the
    // whole width (not just its content's), so it is centred like the sign-in page.
    <main className="flex min-h-full w-full flex-1 flex-col items-center justify-center gap-4 px-4 py-16 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">This page doesn't exist</h1>
      <p className="max-w-sm text-muted">It may have been moved or deleted, or you may not have access to it.</p>
      <Link href="/" className={buttonClass("primary")}>
        Back to your tasks
      </Link>
    </main>
  );
}
