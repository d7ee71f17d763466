"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ConversationSummary } from "@/lib/conversations/types";

/** Deleting cannot be undone (messages go with it), so it asks first. */
export function DeleteConversationDialog({
  conversation,
  onCancel,
  onConfirm,
}: {
  conversation: ConversationSummary | null;
  onCancel: () => void;
  onConfirm: (conversation: ConversationSummary) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={conversation !== null} onClose={onCancel} title="Delete this conversation?">
      <p className="text-sm text-muted">
        “{conversation?.title}” and all its messages will be deleted for good. Your tasks stay as they are.
      </p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button
          variant="danger"
          disabled={busy}
          onClick={async () => {
            if (!conversation) return;
            setBusy(true);
            await onConfirm(conversation);
            setBusy(false);
          }}
        >
          Delete
        </Button>
      </div>
    </Dialog>
  );
}
