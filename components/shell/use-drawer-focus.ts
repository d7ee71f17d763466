"use client";

import { useEffect, useRef, type RefObject } from "react";

/**
 * Moves focus into a drawer when it opens and back to where it was (usually the button that
 * opened it) when it closes, so keyboard and screen-reader users are not left behind the overlay.
 */
export function useDrawerFocus(open: boolean, drawer: RefObject<HTMLElement | null>) {
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      drawer.current?.querySelector<HTMLElement>("button, a, input")?.focus();
    } else if (returnTo.current) {
      // Only if focus is still inside the closed drawer: a link may have moved it on purpose.
      if (
        !document.activeElement ||
        document.activeElement === document.body ||
        drawer.current?.contains(document.activeElement)
      )
        returnTo.current.focus();
      returnTo.current = null;
    }
  }, [open, drawer]);
}
