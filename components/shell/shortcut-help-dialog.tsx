"use client";

import { useSyncExternalStore } from "react";
import { Dialog } from "@/components/ui/dialog";
import { SHORTCUTS } from "./shortcuts";

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

export function ShortcutHelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const mac = useSyncExternalStore(
    () => () => {},
    isMac,
    () => false,
  );
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <dl className="divide-y divide-line text-sm">
        {SHORTCUTS.map(({ action, keys, label }) => (
          <div key={action} className="flex items-center justify-between gap-4 py-2">
            <dt>{label}</dt>
            <dd className="flex shrink-0 items-center gap-2 text-xs text-muted">
              {keys.map((combo, i) => (
                <span key={combo.join("+")} className="flex items-center gap-1">
                  {i > 0 ? <span>or</span> : null}
                  {combo.map((key) => (
                    <kbd key={key} className="rounded border border-line bg-subtle px-1.5 py-0.5 font-mono text-ink">
                      {key === "Mod" ? (mac ? "⌘" : "Ctrl") : key}
                    </kbd>
                  ))}
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex justify-end">
        <button
          type="button"
          onClick={onClose}
          className="rounded-lg px-3 py-1.5 text-sm text-muted hover:bg-subtle hover:text-ink"
        >
          Close
        </button>
      </div>
    </Dialog>
  );
}
