"use client";

import { useState } from "react";
import { importTodoistAction, previewTodoistImportAction } from "@/app/(app)/actions/task-transfer";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { undoTaskOperationAction } from "@/app/(app)/(chat)/actions/tasks";
import type { ImportPreview } from "@/lib/import/todoist";
import { formatDue } from "./due";
import { browserTimeZone } from "./time-zone";

// The server refuses larger files too; checked here first so a big file is not sent at all.
const MAX_BYTES = 500_000;

type Preview = Extract<ImportPreview, { ok: true }>;

/** Upload a Todoist CSV export → preview each row → import the good rows as one undoable change. */
export function TodoistImportDialog({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function reset() {
    setText(null);
    setPreview(null);
    setError(null);
    setBusy(false);
  }
  function close() {
    reset();
    onClose();
  }

  async function choose(file: File | undefined) {
    reset();
    if (!file) return;
    if (file.size > MAX_BYTES) return setError(`That file is too large to import (at most ${MAX_BYTES / 1000} kB).`);
    setBusy(true);
    const content = await file.text();
    const result = await previewTodoistImportAction(content, browserTimeZone());
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setText(content);
    setPreview(result);
  }

  async function confirm() {
    if (!text || !preview) return;
    setBusy(true);
    const result = await importTodoistAction(text, browserTimeZone(), preview.errors > 0);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    close();
    onImported();
    toast.success(`Imported ${result.count} ${result.count === 1 ? "task" : "tasks"} from Todoist`, {
      action: {
        label: "Undo",
        onClick: async () => {
          const undone = await undoTaskOperationAction(result.operationId, browserTimeZone());
          if (!undone.ok) return void toast.error(undone.message);
          toast.success("Import undone");
          onImported();
        },
      },
    });
  }

  return (
    <Dialog open={open} onClose={close} title="Import from Todoist" className="w-[min(44rem,calc(100vw-2rem))]">
      <p className="text-sm text-muted">
        Choose a project exported from Todoist as CSV. You will see what each row becomes before anything is added.
      </p>
      <label className="block text-sm font-medium">
        CSV file
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          onChange={(event) => void choose(event.target.files?.[0])}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-line file:bg-subtle file:px-3 file:py-1.5"
        />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      {busy && !preview ? <p className="text-sm text-muted">Reading the file…</p> : null}
      {preview ? <PreviewTable preview={preview} /> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
        {preview && preview.tasks > 0 ? (
          <Button onClick={() => void confirm()} disabled={busy}>
            {preview.errors > 0
              ? `Skip ${preview.errors} and import ${preview.tasks}`
              : `Import ${preview.tasks} ${preview.tasks === 1 ? "task" : "tasks"}`}
          </Button>
        ) : null}
      </div>
    </Dialog>
  );
}

function PreviewTable({ preview }: { preview: Preview }) {
  return (
    <div className="space-y-2">
      <p className="text-sm" aria-live="polite">
        {preview.tasks} {preview.tasks === 1 ? "task" : "tasks"} to import
        {preview.errors
          ? `, ${preview.errors} ${preview.errors === 1 ? "row" : "rows"} with problems (not imported)`
          : ""}
        {preview.skipped
          ? `, ${preview.skipped} ${preview.skipped === 1 ? "section or note" : "sections or notes"} skipped`
          : ""}
        .
      </p>
      <div className="max-h-72 overflow-auto rounded-lg border border-line">
        <table aria-label="Import preview" className="w-full text-left text-xs">
          <thead className="sticky top-0 bg-subtle">
            <tr>
              <th className="px-2 py-1.5">Row</th>
              <th className="px-2 py-1.5">Title</th>
              <th className="px-2 py-1.5">Due</th>
              <th className="px-2 py-1.5">Priority</th>
              <th className="px-2 py-1.5">Tags</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) =>
              row.ok ? (
                <tr key={row.row} className="border-t border-line align-top">
                  <td className="px-2 py-1.5 text-muted">{row.row}</td>
                  <td className="px-2 py-1.5">
                    {row.title}
                    {row.notice ? <span className="block text-muted">{row.notice}</span> : null}
                  </td>
                  <td className="px-2 py-1.5">
                    {formatDue(row.dueDate) ?? "—"}
                    {row.repeatText ? <span className="block text-muted">{row.repeatText}</span> : null}
                  </td>
                  <td className="px-2 py-1.5">{row.priority}</td>
                  <td className="px-2 py-1.5">{row.tags.join(", ")}</td>
                </tr>
              ) : (
                <tr key={row.row} className="border-t border-line bg-danger-soft text-danger">
                  <td className="px-2 py-1.5">{row.row}</td>
                  <td className="px-2 py-1.5" colSpan={4}>
                    {row.error}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
