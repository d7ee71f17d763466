"use client";

import { useEffect, useState, type ComponentType } from "react";
import type { ExternalToast, ToasterProps } from "sonner";

// sonner, loaded once the page is interactive: toasts only follow actions, so it need not be
// part of the chat page's first-load JavaScript. A toast waits until the Toaster is mounted;
// one raised before would be lost.
const loadSonner = () => import("sonner");
let markMounted: () => void = () => {};
const mounted = new Promise<void>((resolve) => (markMounted = resolve));

export function Toaster(props: ToasterProps) {
  const [Loaded, setLoaded] = useState<ComponentType<ToasterProps> | null>(null);
  useEffect(() => {
    void loadSonner().then((m) => setLoaded(() => m.Toaster));
  }, []);
  // Runs after the loaded Toaster's own effects, so it is listening by then.
  useEffect(() => {
    if (Loaded) markMounted();
  }, [Loaded]);
  return Loaded ? <Loaded {...props} /> : null;
}

async function show(kind: "success" | "error", message: string, options?: ExternalToast): Promise<void> {
  await mounted;
  (await loadSonner()).toast[kind](message, options);
}

export const toast = {
  success: (message: string, options?: ExternalToast) => void show("success", message, options),
  error: (message: string, options?: ExternalToast) => void show("error", message, options),
};
