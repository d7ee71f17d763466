import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ENV_NAMES, EnvError, envProblems, setting, settings, type Env } from "./env";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

// Also the table of what an operator gets without setting anything (.env.example says the same).
const DEFAULTS: Env = {
  DATABASE_URL: undefined,
  DATABASE_POOL_SIZE: 10,
  AUTH_SECRET: undefined,
  LOGIN_RATE_LIMIT: 10,
  LOGIN_EMAIL_RATE_LIMIT: 50,
  REGISTER_RATE_LIMIT: 5,
  CHAT_RATE_LIMIT: 60,
  TRUSTED_PROXY_HOPS: 0,
  OPENAI_API_KEY: undefined,
  OPENAI_BASE_URL: undefined,
  AI_MODEL: "gpt-4o-mini",
  AI_API: undefined,
  AI_TIMEOUT_MS: 60_000,
  SMTP_URL: undefined,
  MAIL_FROM: undefined,
  APP_URL: undefined,
  NOTIFICATIONS_POLL_MS: 3_000,
  NOTIFICATIONS_WORKER: "on",
  RETENTION_MESSAGES_DAYS: 365,
  RETENTION_LOGS_DAYS: 730,
  RETENTION_ARCHIVE_DAYS: 90,
  RETENTION_NOTIFICATIONS_SENT_DAYS: 30,
  RETENTION_NOTIFICATIONS_FAILED_DAYS: 7,
  PORT: 3_000,
  WEB_CONCURRENCY: 1,
  TEST_DATABASE_URL: undefined,
};

const every = (value: string) => Object.fromEntries(ENV_NAMES.map((name) => [name, value]));

describe("settings", () => {
  it("are their defaults when unset, empty or blank", () => {
    expect(settings(ENV_NAMES, {})).toEqual(DEFAULTS);
    expect(settings(ENV_NAMES, every(""))).toEqual(DEFAULTS);
    expect(settings(ENV_NAMES, every("  "))).toEqual(DEFAULTS);
  });

  it("read values trimmed, as the variable's type", () => {
    const values = settings(ENV_NAMES, {
      DATABASE_URL: " postgresql://doable@db.internal:5432/doable ",
      CHAT_RATE_LIMIT: "120",
      TRUSTED_PROXY_HOPS: " 2 ",
      AI_API: "CHAT",
      AI_TIMEOUT_MS: "180000",
      SMTP_URL: "smtps://mailer:secret@smtp.example.com",
      APP_URL: "https://doable.example.com",
      NOTIFICATIONS_WORKER: "off",
      RETENTION_LOGS_DAYS: "60",
      WEB_CONCURRENCY: "Auto",
    });
    expect(values).toMatchObject({
      DATABASE_URL: "postgresql://doable@db.internal:5432/doable",
      CHAT_RATE_LIMIT: 120,
      TRUSTED_PROXY_HOPS: 2,
      AI_API: "chat",
      AI_TIMEOUT_MS: 180_000,
      SMTP_URL: "smtps://mailer:secret@smtp.example.com",
      APP_URL: "https://doable.example.com",
      NOTIFICATIONS_WORKER: "off",
      RETENTION_LOGS_DAYS: 60,
      WEB_CONCURRENCY: "auto",
    });
  });

  it("come from process.env as it is at each call, not as it was at import", () => {
    vi.stubEnv("CHAT_RATE_LIMIT", "7");
    expect(setting("CHAT_RATE_LIMIT")).toBe(7);
    vi.stubEnv("CHAT_RATE_LIMIT", "8");
    expect(setting("CHAT_RATE_LIMIT")).toBe(8);
  });

  it("say what is wrong in one line per variable, naming it and what it must be", () => {
    expect(
      envProblems({
        DATABASE_POOL_SIZE: "abc",
        CHAT_RATE_LIMIT: "-1",
        SMTP_URL: "mail.example.com",
        APP_URL: "doable.example.com",
        NOTIFICATIONS_WORKER: "OFF",
      }),
    ).toEqual([
      'DATABASE_POOL_SIZE must be a whole number of connections, 1 or more. Got "abc".',
      'CHAT_RATE_LIMIT must be a whole number, 1 or more. Got "-1".',
      "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.com.",
      'APP_URL must be an http:// or https:// URL, e.g. https://doable.example.com. Got "doable.example.com".',
      'NOTIFICATIONS_WORKER must be "on" or "off". Got "OFF".',
    ]);
    expect(() => setting("TRUSTED_PROXY_HOPS", { TRUSTED_PROXY_HOPS: "99" })).toThrow(
      new EnvError(['TRUSTED_PROXY_HOPS must be a whole number from 0 to 20. Got "99".']),
    );
    expect(envProblems({})).toEqual([]);
  });

  it("never repeat the password of a URL they reject", () => {
    const problems = envProblems({
      SMTP_URL: "smtp//mailer:hunter2@smtp.example.com",
      DATABASE_URL: "mysql://root:hunter2@db/x",
      TEST_DATABASE_URL: "mysql://root:hunter2@db/x",
    });
    expect(problems).toEqual([
      'DATABASE_URL must be unset, "file:<dir>" (embedded PGlite) or "postgresql://…". Got "mysql:…".',
      "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.com.",
      `TEST_DATABASE_URL must be a PostgreSQL server's URL, "postgresql://…". Got "mysql:…".`,
    ]);
  });

  it("for the assistant model fall back instead of stopping the server (the start-up line warns)", () => {
    const source = { AI_API: "completions", AI_TIMEOUT_MS: "fast", OPENAI_BASE_URL: "localhost:11434" };
    expect(envProblems(source)).toEqual([]);
    expect(settings(["AI_API", "AI_TIMEOUT_MS", "OPENAI_BASE_URL"], source)).toEqual({
      AI_API: undefined,
      AI_TIMEOUT_MS: 60_000,
      OPENAI_BASE_URL: "localhost:11434",
    });
  });
});

describe(".env.example", () => {
  const examples = fs
    .readFileSync(path.resolve(import.meta.dirname, "../.env.example"), "utf8")
    .split("\n")
    .map((line) => /^#?\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(line))
    .filter((match) => match !== null);

  it("documents exactly the declared variables, each once", () => {
    expect(examples.map(([, name]) => name).sort()).toEqual([...ENV_NAMES].sort());
  });

  it("shows only values Doable accepts", () => {
    expect(envProblems(Object.fromEntries(examples.map(([, name, value]) => [name, value])))).toEqual([]);
  });
});

describe("the server's start (instrumentation.ts)", () => {
  it("stops with one line per wrong setting, before anything else", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NEXT_PHASE", "");
    vi.stubEnv("CHAT_RATE_LIMIT", "-1");
    vi.stubEnv("APP_URL", "doable.example.com");
    vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const { register } = await import("@/instrumentation");
    await expect(register()).rejects.toThrow("exit 1");
    expect(error.mock.calls).toEqual([
      ['Doable will not start: CHAT_RATE_LIMIT must be a whole number, 1 or more. Got "-1".'],
      [
        'Doable will not start: APP_URL must be an http:// or https:// URL, e.g. https://doable.example.com. Got "doable.example.com".',
      ],
    ]);
    expect(log).not.toHaveBeenCalled();
  });
});
