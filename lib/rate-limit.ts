import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { Prisma } from "@/generated/prisma/client";
import { getDb, type Db } from "@/lib/db/client";
import { setting, type EnvName } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Rate limits kept in the database (rate-limiter-flexible's Prisma store, table rate_limits):
 * every app instance shares them, on PGlite and PostgreSQL alike, with no extra service.
 * A hit is counted with one atomic upsert-increment, so a limit holds under parallel requests
 * only if the hit is counted BEFORE the work it guards (count first, then check the password).
 */
export type LimitName = "login" | "loginEmail" | "register" | "chat";

/** `setting`: the variable (lib/env.ts) that says how many hits a window of `duration` seconds allows. */
type Limit = {
  setting: EnvName & `${string}_RATE_LIMIT`;
  duration: number;
  message: string | ((wait: string) => string);
};

const LIMITS: Record<LimitName, Limit> = {
  // Sign-in attempts per client address + email in 15 minutes (a success gives its point back).
  login: {
    setting: "LOGIN_RATE_LIMIT",
    duration: 15 * 60,
    message: (wait) => `Too many sign-in attempts. Try again in ${wait}.`,
  },
  // Sign-in attempts per email from all addresses together in 15 minutes: guessing one
  // account's password from many addresses stops here.
  loginEmail: {
    setting: "LOGIN_EMAIL_RATE_LIMIT",
    duration: 15 * 60,
    message: (wait) => `Too many sign-in attempts. Try again in ${wait}.`,
  },
  // Accounts created per client address in an hour.
  register: {
    setting: "REGISTER_RATE_LIMIT",
    duration: 60 * 60,
    message: (wait) => `Too many accounts were created from your network. Try again in ${wait}.`,
  },
  // Chat messages per user per minute.
  chat: {
    setting: "CHAT_RATE_LIMIT",
    duration: 60,
    message: "You are sending messages too quickly. Please wait a moment.",
  },
};

const points = (name: LimitName) => setting(LIMITS[name].setting);

export function createLimiter(db: Db, name: LimitName): RateLimiterPrisma {
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimit",
    keyPrefix: name,
    points: points(name),
    duration: LIMITS[name].duration,
  });
}

// One limiter per database client and limit.
const limiters = new WeakMap<Db, Map<LimitName, RateLimiterPrisma>>();

async function limiter(name: LimitName, db?: Db): Promise<RateLimiterPrisma> {
  const client = db ?? (await getDb());
  let byName = limiters.get(client);
  if (!byName) {
    byName = new Map();
    limiters.set(client, byName);
  }
  let l = byName.get(name);
  if (!l) {
    l = createLimiter(client, name);
    byName.set(name, l);
  }
  return l;
}

/** "45 seconds", "1 minute", "4 minutes": how long to wait, rounded up. */
export function waitPhrase(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  return seconds < 60 ? plural(Math.max(1, Math.ceil(seconds)), "second") : plural(Math.ceil(seconds / 60), "minute");
}

function limited(name: LimitName, res: Pick<RateLimiterRes, "msBeforeNext">): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const { message } = LIMITS[name];
  return new AppError("rate_limited", typeof message === "string" ? message : message(waitPhrase(retryAfterSeconds)), {
    retryAfterSeconds,
  });
}

/** Counts one hit against `key`; throws a 429 AppError once the limit is used up. */
export async function consume(name: LimitName, key: string, db?: Db): Promise<void> {
  try {
    await (await limiter(name, db)).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw limited(name, error);
    throw error;
  }
}

/** Gives back one hit counted against `key` (a sign-in that turned out to be the owner's). */
export async function reward(name: LimitName, key: string, db?: Db): Promise<void> {
  await (await limiter(name, db)).reward(key, 1);
}

export async function resetLimit(name: LimitName, key: string, db?: Db): Promise<void> {
  await (await limiter(name, db)).delete(key);
}

/**
 * One hit counted inside a larger statement, as a data-modifying CTE's body: the same row and
 * arithmetic as `consume` (an expired window starts again at 1), so the two share every limit.
 * It returns the row's `points` and `expire`; `only` guards the count (no row, no hit).
 */
export function hitSql(name: LimitName, key: string, now: Date, only: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  const expire = new Date(now.getTime() + LIMITS[name].duration * 1000);
  return Prisma.sql`
    INSERT INTO rate_limits AS r (key, points, expire) SELECT ${`${name}:${key}`}, 1, ${expire} WHERE ${only}
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN r.expire <= ${now} THEN 1 ELSE r.points + 1 END,
      expire = CASE WHEN r.expire <= ${now} THEN EXCLUDED.expire ELSE r.expire END
    RETURNING r.points, r.expire`;
}

/** The hits a limit allows in its window. */
export function allowedHits(name: LimitName): number {
  return points(name);
}

/** What a hit counted by `hitSql` answers: nothing when allowed, else the same 429 as `consume`. */
export function checkHit(name: LimitName, hit: { points: number; expire: Date | null }): void {
  if (hit.points <= points(name)) return;
  throw limited(name, { msBeforeNext: hit.expire ? Math.max(hit.expire.getTime() - Date.now(), 0) : -1 });
}
