// Every setting Doable reads from the environment, declared once: its default, what a good value
// looks like, and the line an operator sees when it is wrong. instrumentation.ts checks them all
// when the server starts, so a typo stops `npm start` instead of surfacing at the first request
// that reads it (or never, as a silent fallback). .env.example documents the same names; the
// test holds the two together.
//
// Values are parsed from process.env at every call, never kept: tests and scripts set variables
// after modules have loaded, and each parse is a few string operations.
import "server-only";
import { z } from "zod";

export type EnvSource = Readonly<Record<string, string | undefined>>;

/** How a rejected value is quoted: URLs may carry passwords, so some show only their scheme. */
type Show = "value" | "scheme";

/**
 * A variable as Doable has always read it: trimmed, with "" the same as unset (so `NAME=` in .env
 * means the default). Set, it must pass `value`, whose first issue's message completes the line
 * "NAME must be …".
 */
function variable<T, F>(value: z.ZodType<T>, fallback: F, show: Show = "value") {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | F => {
      const trimmed = raw?.trim();
      if (!trimmed) return fallback;
      const parsed = value.safeParse(trimmed);
      if (parsed.success) return parsed.data;
      const shown = show === "value" ? trimmed : /^[a-z][a-z\d+.-]*:/i.exec(trimmed)?.[0].concat("…");
      ctx.issues.push({
        code: "custom",
        input: raw,
        message: `must be ${parsed.error.issues[0]?.message}.${shown ? ` Got "${shown}".` : ""}`,
      });
      return z.NEVER;
    });
}

const text = z.string();

const whole = (expected: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.string().regex(/^\d+$/, expected).transform(Number).pipe(z.number().min(min, expected).max(max, expected));

const days = z
  .string()
  .regex(/^\d+$/, "a whole number of days")
  .transform(Number)
  .pipe(z.number().min(1, "at least 1 day").max(36_500, "at most 36500 days"));

const POSTGRES = /^postgres(ql)?:\/\//;

const DEFAULT_MODEL_TIMEOUT_MS = 60_000;

const SETTINGS = {
  DATABASE_URL: variable(
    z
      .string()
      .refine(
        (url) => url === "memory:" || url.startsWith("file:") || POSTGRES.test(url),
        `unset, "file:<dir>" (embedded PGlite) or "postgresql://…"`,
      ),
    undefined,
    "scheme",
  ),
  DATABASE_POOL_SIZE: variable(whole("a whole number of connections, 1 or more", 1), 10),

  AUTH_SECRET: variable(text, undefined),
  LOGIN_RATE_LIMIT: variable(whole("a whole number, 1 or more", 1), 10),
  LOGIN_EMAIL_RATE_LIMIT: variable(whole("a whole number, 1 or more", 1), 50),
  REGISTER_RATE_LIMIT: variable(whole("a whole number, 1 or more", 1), 5),
  CHAT_RATE_LIMIT: variable(whole("a whole number, 1 or more", 1), 60),
  TRUSTED_PROXY_HOPS: variable(whole("a whole number from 0 to 20", 0, 20), 0),

  // The model settings never stop the server: a value they cannot use falls back to the default,
  // and the start-up line warns about it (lib/agent/provider.ts startupReport).
  OPENAI_API_KEY: variable(text, undefined),
  OPENAI_BASE_URL: variable(text, undefined),
  AI_MODEL: variable(text, "gpt-4o-mini"),
  /** Unset: the default for the base URL (lib/agent/provider.ts modelApi). */
  AI_API: variable(
    text
      .transform((api) => api.toLowerCase())
      .pipe(z.enum(["responses", "chat"]))
      .optional()
      .catch(undefined),
    undefined,
  ),
  AI_TIMEOUT_MS: variable(
    text.transform(Number).pipe(z.number().min(1)).transform(Math.round).catch(DEFAULT_MODEL_TIMEOUT_MS),
    DEFAULT_MODEL_TIMEOUT_MS,
  ),

  SMTP_URL: variable(
    z.url({
      protocol: /^smtps?$/,
      hostname: /./,
      error: "an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.com",
    }),
    undefined,
    "scheme",
  ),
  MAIL_FROM: variable(text, undefined),
  /** Unset: http://localhost:$PORT (lib/notifications/mail-config.ts appUrl). */
  APP_URL: variable(
    z.url({
      protocol: /^https?$/,
      hostname: /./,
      error: "an http:// or https:// URL, e.g. https://doable.example.com",
    }),
    undefined,
  ),
  NOTIFICATIONS_POLL_MS: variable(whole("a whole number of milliseconds, 200 or more", 200), 3_000),
  NOTIFICATIONS_WORKER: variable(z.enum(["on", "off"], `"on" or "off"`), "on"),

  RETENTION_MESSAGES_DAYS: variable(days, 365),
  RETENTION_LOGS_DAYS: variable(days, 730),
  RETENTION_ARCHIVE_DAYS: variable(days, 90),
  RETENTION_NOTIFICATIONS_SENT_DAYS: variable(days, 30),
  RETENTION_NOTIFICATIONS_FAILED_DAYS: variable(days, 7),

  PORT: variable(whole("a port number from 0 to 65535", 0, 65_535), 3_000),
  // Read by plain-Node code that cannot import this module (scripts/cluster.mjs, the tests'
  // set-up); declared here so .env.example has one list and the server's check covers them.
  WEB_CONCURRENCY: variable(
    z
      .string()
      .regex(/^(auto|0*[1-9]\d*)$/i, `a whole number of processes (1 or more) or "auto"`)
      .transform((count) => (/^auto$/i.test(count) ? ("auto" as const) : Number(count))),
    1,
  ),
  TEST_DATABASE_URL: variable(
    z.string().regex(POSTGRES, `a PostgreSQL server's URL, "postgresql://…"`),
    undefined,
    "scheme",
  ),
};

export type EnvName = keyof typeof SETTINGS;
export type Env = { [K in EnvName]: z.output<(typeof SETTINGS)[K]> };

export const ENV_NAMES = Object.keys(SETTINGS) as EnvName[];

/** One line per variable that is wrong, each naming it and what it must be. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "EnvError";
  }
}

/** The named settings; throws an EnvError listing every one of them that is wrong. */
export function settings<K extends EnvName>(names: readonly K[], source: EnvSource = process.env): Pick<Env, K> {
  const values: Partial<Pick<Env, K>> = {};
  const problems: string[] = [];
  for (const name of names) {
    const parsed = SETTINGS[name].safeParse(source[name]);
    if (parsed.success) values[name] = parsed.data as Env[K];
    else problems.push(`${name} ${parsed.error.issues[0]?.message}`);
  }
  if (problems.length) throw new EnvError(problems);
  return values as Pick<Env, K>;
}

export function setting<K extends EnvName>(name: K, source: EnvSource = process.env): Env[K] {
  return settings([name], source)[name];
}

/** Every wrong setting, one line each; none when the environment is good. */
export function envProblems(source: EnvSource = process.env): string[] {
  try {
    settings(ENV_NAMES, source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

/**
 * At the server's start: one line per wrong setting, then exit. Not a thrown error, which Next
 * would print with a stack: the operator has a setting to fix, not a bug to report.
 */
export function exitOnEnvProblems(source: EnvSource = process.env): void {
  const problems = envProblems(source);
  if (!problems.length) return;
  for (const problem of problems) console.error(`Doable will not start: ${problem}`);
  process.exit(1);
}

/** The text as written (trimmed; unset when empty), for warnings that quote it. */
export function envText(name: EnvName, source: EnvSource = process.env): string | undefined {
  return source[name]?.trim() || undefined;
}
