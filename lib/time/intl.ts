// One cache for Intl formatters: building one costs far more than using it (locale data, zone
// rules), and the same few are asked for on every message and every card.
const cache = new Map<string, unknown>();

function cached<T>(kind: string, locale: string | undefined, options: object, make: () => T): T {
  const key = `${kind}|${locale ?? ""}|${JSON.stringify(options)}`;
  let hit = cache.get(key) as T | undefined;
  if (hit === undefined) {
    hit = make();
    cache.set(key, hit);
  }
  return hit;
}

export const dateTimeFormat = (locale: string | undefined, options: Intl.DateTimeFormatOptions) =>
  cached("dt", locale, options, () => new Intl.DateTimeFormat(locale, options));
export const relativeTimeFormat = (locale: string | undefined, options: Intl.RelativeTimeFormatOptions) =>
  cached("rel", locale, options, () => new Intl.RelativeTimeFormat(locale, options));
export const listFormat = (locale: string | undefined, options: Intl.ListFormatOptions) =>
  cached("list", locale, options, () => new Intl.ListFormat(locale, options));
export const pluralRules = (locale: string | undefined, options: Intl.PluralRulesOptions = {}) =>
  cached("plural", locale, options, () => new Intl.PluralRules(locale, options));
