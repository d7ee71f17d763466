"use client";

import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { setFeedbackAction } from "@/app/(app)/(chat)/actions/chat";

type Value = "up" | "down" | null;

export function FeedbackButtons({ messageId, initial }: { messageId: string; initial: Value }) {
  const [value, setValue] = useState<Value>(initial);
  async function rate(next: "up" | "down") {
    const chosen = value === next ? null : next;
    const previous = value;
    setValue(chosen);
    const result = await setFeedbackAction(messageId, chosen);
    if (!result.ok) {
      setValue(previous);
      toast.error(result.message);
    }
  }
  const cls = (active: boolean) =>
    `grid size-7 place-items-center rounded-md hover:bg-subtle ${active ? "text-accent" : "text-muted"}`;
  return (
    <div className="flex gap-0.5">
      <button
        type="button"
        aria-label="Helpful"
        aria-pressed={value === "up"}
        className={cls(value === "up")}
        onClick={() => rate("up")}
      >
        <svg
          viewBox="0 0 20 20"
          className="size-4"
          fill={value === "up" ? "currentColor" : "none"}
          stroke="currentColor"
          strokeWidth="1.5"
          aria-hidden="true"
        >
          <path d="M6 9v8H3V9h3Zm0 0 3.5-6a1.8 1.8 0 0 1 3.3 1.2L12 8h4a1.5 1.5 0 0 1 1.5 1.8l-1.2 5.7A2 2 0 0 1 14.3 17H6" />
        </svg>
      </button>
      <button
        type="button"
        aria-label="Not helpful"
        aria-pressed={value === "down"}
        className={cls(value === "down")}
        onClick={() => rate("down")}
      >
        <svg
          viewBox="0 0 20 20"
          className="size-4 rotate-180"
          fill={value === "down" ? "currentColor" : "none"}
          stroke="currentColor"
          strokeWidth="1.5"
          aria-hidden="true"
        >
          <path d="M6 9v8H3V9h3Zm0 0 3.5-6a1.8 1.8 0 0 1 3.3 1.2L12 8h4a1.5 1.5 0 0 1 1.5 1.8l-1.2 5.7A2 2 0 0 1 14.3 17H6" />
        </svg>
      </button>
    </div>
  );
}
