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

// Hot paths (wall-clock arithmetic runs many times per message) ask for the same options in many
// zones: keyed by the constant options object, then locale and zone, no string of the options.
const byOptions = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

/** `options` must be a constant (module-level) object: it is the cache key. */
export function zonedDateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
  timeZone: string,
): Intl.DateTimeFormat {
  let zones = byOptions.get(options);
  if (!zones) {
    zones = new Map();
    byOptions.set(options, zones);
  }
  const key = `${locale}|${timeZone}`;
  let hit = zones.get(key);
  if (!hit) {
    hit = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    zones.set(key, hit);
  }
  return hit;
}
