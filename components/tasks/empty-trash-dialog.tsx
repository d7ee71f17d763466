"use client";

import { useState } from "react";
import { emptyTrashAction } from "@/app/(app)/(chat)/actions/tasks";
import { revalidateTasks } from "@/components/data/revalidate";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { browserTimeZone } from "./time-zone";

const tasksWord = (n: number) => `${n} ${n === 1 ? "task" : "tasks"}`;

/**
 * Asks before removing the trash's tasks for good. It names how many and says it cannot be
 * undone: the rows are deleted, not hidden (lib/tasks/trash.ts). Exactly the tasks the user saw
 * are removed; if one was restored meanwhile, nothing is and the dialog says why.
 */
export function EmptyTrashDialog({
  open,
  numbers,
  onClose,
  onEmptied,
}: {
  open: boolean;
  numbers: number[];
  onClose: () => void;
  onEmptied: (count: number) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  function close() {
    setError(null);
    onClose();
  }

  async function confirm() {
    setWorking(true);
    const result = await emptyTrashAction({ tasks: numbers }, browserTimeZone());
    setWorking(false);
    if (!result.ok) {
      setError(result.message);
      // Something in the trash changed since it was shown: show it as it is now.
      return revalidateTasks();
    }
    setError(null);
    onEmptied(result.count);
  }

  return (
    <Dialog open={open} onClose={close} title="Empty the trash?">
      <p className="text-sm">
        {tasksWord(numbers.length)} will be removed for good. <strong>This cannot be undone.</strong>
      </p>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={close}>
          Cancel
        </Button>
        <Button variant="danger" disabled={working || numbers.length === 0} onClick={() => void confirm()}>
          Remove {tasksWord(numbers.length)} for good
        </Button>
      </div>
    </Dialog>
  );
}
