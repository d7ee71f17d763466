// Light/dark choice. The colour tokens use light-dark(), which Tailwind's Lightning CSS step
// compiles into --lightningcss-light/-dark switches set by a prefers-color-scheme query; a
// forced theme therefore sets those two as well as `color-scheme` (for native controls).
// It lives in a <style> element in <head> (React leaves foreign head nodes alone during
// hydration), added by an inline script before first paint.
export type Theme = "light" | "dark";

const KEY = "doable-theme";
const STYLE_ID = "doable-theme";

const RULES: Record<Theme, string> = {
  light: ":root{color-scheme:light;--lightningcss-light:initial;--lightningcss-dark: }",
  dark: ":root{color-scheme:dark;--lightningcss-light: ;--lightningcss-dark:initial}",
};

export const THEME_SCRIPT = `try{var r=${JSON.stringify(RULES)},t=localStorage.getItem(${JSON.stringify(KEY)});if(r.hasOwnProperty(t)){var s=document.createElement("style");s.id=${JSON.stringify(STYLE_ID)};s.textContent=r[t];document.head.appendChild(s)}}catch(e){}`;

export function currentTheme(): Theme {
  const forced = document.getElementById(STYLE_ID)?.textContent?.match(/color-scheme:(light|dark)/)?.[1] as
    | Theme
    | undefined;
  return forced ?? (window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
}

export function setTheme(theme: Theme): void {
  let style = document.getElementById(STYLE_ID);
  if (!style) {
    style = document.createElement("style");
    style.id = STYLE_ID;
    document.head.appendChild(style);
  }
  style.textContent = RULES[theme];
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}
