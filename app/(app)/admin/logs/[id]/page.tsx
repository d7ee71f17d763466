import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Exchange, RelatedOperations } from "@/components/admin/detail-parts";
import { absoluteTime, duration, otherActor, relativeTime } from "@/components/admin/format";
import { JsonBlock } from "@/components/admin/json-block";
import { SourceTag, StatusPill, UndonePill } from "@/components/admin/pills";
import { RevealPanel } from "@/components/admin/reveal-panel";
import { UndoPanel } from "@/components/admin/undo-panel";
import { getLogDetail, maskLogDetail, undoAvailability } from "@/lib/admin/detail";
import { revealedRecently } from "@/lib/admin/reveal";
import { OPERATION_LABELS } from "@/lib/admin/filter-fields";
import { recordAuditEvent } from "@/lib/audit/record";
import { requestClient } from "@/lib/audit/request";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Operation" };

export default async function OperationDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Not only in the layout: layout and page render in parallel (see ../page.tsx).
  const admin = await requireAdmin();
  const { id } = await params;
  const db = await getDb();
  const stored = await getLogDetail(db, id);
  if (!stored) notFound();
  // Someone else's words and data: recorded before they are shown, and not shown if that fails.
  if (stored.user.id !== admin.id)
    await recordAuditEvent(db, {
      kind: "log_entry_viewed",
      actorId: admin.id,
      subjectId: stored.user.id,
      targetId: stored.id,
      client: await requestClient(),
      detail: { operation: stored.operation },
    });
  // The users' words are masked (lib/privacy/sensitive.ts) unless this admin's Reveal was
  // recorded in the audit trail in the last few minutes (the action recorded it, then came here
  // with ?reveal=1; without it, or once it is old, the page is masked again).
  const masking = await maskLogDetail(stored);
  const revealed =
    masking.masked && (await searchParams)?.reveal === "1" && (await revealedRecently(db, admin.id, stored.id));
  const detail = revealed ? stored : masking.detail;
  const now = new Date();
  const undo = undoAvailability(detail);
  const actor = otherActor(detail.user.id, detail.actor, detail.source);

  return (
    <main className="w-full flex-1 overflow-y-auto">
      <div className="mx-auto w-full max-w-5xl space-y-5 px-4 py-6 sm:px-6">
        <nav aria-label="Breadcrumb">
          <Link href="/admin/logs" className="text-sm text-muted hover:text-ink">
            ← Operation logs
          </Link>
        </nav>

        <header className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight">
              {OPERATION_LABELS[detail.operation]}
              {detail.task ? (
                <span className="text-muted">
                  {" "}
                  · #{detail.task.number} {detail.task.title}
                </span>
              ) : null}
            </h1>
            <StatusPill status={detail.status} />
            {detail.undoneBy.length ? <UndonePill /> : null}
            <SourceTag source={detail.source} />
          </div>
          <p className="text-sm text-muted">
            <time dateTime={detail.createdAt.toISOString()}>{absoluteTime(detail.createdAt)}</time> (
            {relativeTime(detail.createdAt, now)}){" "}
            {actor
              ? `on the tasks of ${detail.user.name} <${detail.user.email}>, by ${actor}`
              : `by ${detail.user.name} <${detail.user.email}>`}
          </p>
          {detail.originalCommand ? (
            <blockquote className="border-l-2 border-accent pl-3 text-ink">“{detail.originalCommand}”</blockquote>
          ) : null}
        </header>

        {masking.masked ? <RevealPanel operationId={detail.id} revealed={revealed} /> : null}

        {/* A rejection is the user's answer, not an error: the Approval fact says it. */}
        {detail.error && detail.status !== "rejected" ? (
          <div role="alert" className="rounded-xl border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger">
            <span className="font-medium">Error: </span>
            {detail.error}
          </div>
        ) : null}

        <section aria-labelledby="facts-heading" className="rounded-xl border border-line bg-surface shadow-xs">
          <h2 id="facts-heading" className="sr-only">
            Facts
          </h2>
          <dl className="grid gap-x-6 gap-y-3 p-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <Fact label="Operation id" mono>
              {detail.id}
            </Fact>
            <Fact label="Tool call id" mono>
              {detail.toolCallId ?? "—"}
            </Fact>
            <Fact label="Duration">{duration(detail.durationMs)}</Fact>
            <Fact label="Started">{absoluteTime(detail.createdAt)}</Fact>
            <Fact label="Finished">{detail.finishedAt ? absoluteTime(detail.finishedAt) : "—"}</Fact>
            <Fact label="User">
              <Link href={`/admin/logs?user=${detail.user.id}`} className="text-accent hover:underline">
                {detail.user.email}
              </Link>
            </Fact>
            <Fact label="Made by">{actor ?? "The user"}</Fact>
            <Fact label="Task">
              {detail.task
                ? `#${detail.task.number} ${detail.task.title}${detail.task.deleted ? " (deleted)" : detail.task.status === "completed" ? " (completed)" : ""}`
                : "—"}
            </Fact>
            {detail.approval ? (
              <Fact label="Approval">
                {detail.approval === "approved" ? "Approved by the user" : "Rejected by the user"}
              </Fact>
            ) : null}
            {detail.undoOf ? (
              <Fact label="Undoes">
                <Link href={`/admin/logs/${detail.undoOf.id}`} className="text-accent hover:underline">
                  {OPERATION_LABELS[detail.undoOf.operation]} of {absoluteTime(detail.undoOf.createdAt)}
                </Link>
              </Fact>
            ) : null}
            {detail.undoneBy.map((u) => (
              <Fact key={u.id} label="Undone by">
                <Link href={`/admin/logs/${u.id}`} className="text-accent hover:underline">
                  Undo of {absoluteTime(u.createdAt)}
                </Link>
              </Fact>
            ))}
          </dl>
        </section>

        <section aria-labelledby="undo-heading" className="rounded-xl border border-line bg-surface p-4 shadow-xs">
          <h2 id="undo-heading" className="text-sm font-medium">
            Undo
          </h2>
          <div className="mt-2">
            <UndoPanel operationId={detail.id} availability={undo} undoneById={detail.undoneBy[0]?.id} />
          </div>
        </section>

        <Exchange detail={detail} />

        <div className="grid gap-4 lg:grid-cols-3">
          <JsonBlock id="input-heading" title="Input" value={detail.input} />
          <JsonBlock id="result-heading" title="Result" value={detail.result} />
          <JsonBlock id="before-heading" title="Before" value={detail.before} />
        </div>

        <RelatedOperations detail={detail} now={now} />
      </div>
    </main>
  );
}

function Fact({ label, children, mono }: { label: string; children: React.ReactNode; mono?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className={`mt-0.5 break-all ${mono ? "font-mono text-xs" : ""}`}>{children}</dd>
    </div>
  );
}
