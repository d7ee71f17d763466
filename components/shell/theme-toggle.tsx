"use client";

import { useEffect, useState } from "react";
import { MoonIcon, SunIcon } from "@/components/ui/icons";
import { currentTheme, setTheme, type Theme } from "./theme";

export function ThemeToggle() {
  // Unknown until mounted: the server cannot see the stored choice or the system setting.
  const [theme, setState] = useState<Theme | null>(null);
  useEffect(() => setState(currentTheme()), []);
  const next: Theme = theme === "dark" ? "light" : "dark";
  return (
    <button
      type="button"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      onClick={() => {
        setTheme(next);
        setState(next);
      }}
      className="grid size-8 place-items-center rounded-lg text-muted hover:bg-subtle hover:text-ink"
    >
      {theme === "dark" ? <SunIcon /> : <MoonIcon />}
    </button>
  );
}
