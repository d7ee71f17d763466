"use client";

import { useEffect, useState, type ComponentType } from "react";
import type { ExternalToast, ToasterProps } from "sonner";

// sonner, loaded once the page is interactive: toasts only follow actions, so it need not be
// part of the chat page's first-load JavaScript. A toast waits until the Toaster is mounted
// (one raised before would be lost). If the chunk fails to load (a network blip, a deploy that
// removed it), the next toast makes the Toaster try again, and the waiting toasts show then.
type Sonner = typeof import("sonner");
let loading: Promise<Sonner> | null = null;
let retry: (() => void) | null = null;
let markMounted: () => void = () => {};
const mounted = new Promise<void>((resolve) => (markMounted = resolve));

/** sonner's module; a failed load is forgotten, so the next call tries again. */
function loadSonner(): Promise<Sonner> {
  loading ??= import("sonner").catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/**
 * The CSS variable the chat composer sets to its height above the bottom of the window. Toasts
 * at the bottom sit that far up, so they never cover the composer or its Send button.
 */
export const COMPOSER_CLEARANCE = "--composer-clearance";
const ABOVE_COMPOSER = (gap: number) => `calc(var(${COMPOSER_CLEARANCE}, 0px) + ${gap}px)`;

export function Toaster(props: ToasterProps) {
  const [Loaded, setLoaded] = useState<ComponentType<ToasterProps> | null>(null);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the trigger: each retry() loads sonner again.
  useEffect(() => {
    let live = true;
    retry = () => setAttempt((n) => n + 1);
    loadSonner().then(
      (m) => live && setLoaded(() => m.Toaster),
      (error: unknown) => console.error("Could not load notifications; the next one tries again.", error),
    );
    return () => {
      live = false;
      retry = null;
    };
  }, [attempt]);
  // Runs after the loaded Toaster's own effects, so it is listening by then.
  useEffect(() => {
    if (Loaded) markMounted();
  }, [Loaded]);
  // sonner's own default gaps (24px, 16px on phones), counted from the composer's top.
  return Loaded ? (
    <Loaded offset={{ bottom: ABOVE_COMPOSER(24) }} mobileOffset={{ bottom: ABOVE_COMPOSER(16) }} {...props} />
  ) : null;
}

async function show(kind: "success" | "error" | "info", message: string, options?: ExternalToast): Promise<void> {
  if (!loading) retry?.(); // the last load failed: the Toaster tries again
  await mounted;
  (await loadSonner()).toast[kind](message, options);
}

export const toast = {
  success: (message: string, options?: ExternalToast) => void show("success", message, options),
  error: (message: string, options?: ExternalToast) => void show("error", message, options),
  info: (message: string, options?: ExternalToast) => void show("info", message, options),
};
