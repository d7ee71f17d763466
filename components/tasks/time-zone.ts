/** The browser's IANA time zone: the service reads typed dates ("17:00") in it. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** The cookie that tells a server render the browser's zone (components/data/fallback.ts). */
export const TIME_ZONE_COOKIE = "doable-tz";

/** Keeps the zone cookie current (a laptop carried across zones gets its new one). */
export function rememberTimeZone(): void {
  // IANA names ("America/Argentina/Buenos_Aires", "Etc/GMT+3") are all valid cookie characters.
  const value = browserTimeZone();
  if (document.cookie.split("; ").includes(`${TIME_ZONE_COOKIE}=${value}`)) return;
  // biome-ignore lint/suspicious/noDocumentCookie: one plain, non-secret preference; the Cookie Store API is not in every browser the app supports
  document.cookie = `${TIME_ZONE_COOKIE}=${value}; path=/; max-age=31536000; samesite=lax`;
}
