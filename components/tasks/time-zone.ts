/** The browser's IANA time zone: the service reads typed dates ("17:00") in it. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
