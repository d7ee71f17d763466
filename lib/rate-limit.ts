import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Rate limits kept in the database (rate-limiter-flexible's Prisma store, table rate_limits):
 * every app instance shares them, on PGlite and PostgreSQL alike, with no extra service.
 */
type LimitName = "login" | "chat";

const LIMITS: Record<LimitName, { points: number; duration: number; message: string }> = {
  // Failed sign-ins per email + IP in 15 minutes.
  login: { points: envInt("LOGIN_RATE_LIMIT", 10), duration: 15 * 60, message: "Too many sign-in attempts. Please wait a few minutes and try again." },
  // Chat messages per user per minute.
  chat: { points: envInt("CHAT_RATE_LIMIT", 60), duration: 60, message: "You are sending messages too quickly. Please wait a moment." },
};

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function createLimiter(db: Db, name: LimitName): RateLimiterPrisma {
  const { points, duration } = LIMITS[name];
  return new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix: name, points, duration });
}

// One limiter per database client and limit.
const limiters = new WeakMap<Db, Map<LimitName, RateLimiterPrisma>>();

async function limiter(name: LimitName, db?: Db): Promise<RateLimiterPrisma> {
  const client = db ?? (await getDb());
  let byName = limiters.get(client);
  if (!byName) limiters.set(client, (byName = new Map()));
  let l = byName.get(name);
  if (!l) byName.set(name, (l = createLimiter(client, name)));
  return l;
}

function limited(name: LimitName, res: RateLimiterRes): AppError {
  return new AppError("rate_limited", LIMITS[name].message, { retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) });
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

/** Throws a 429 AppError when `key` has used up its limit, without counting a hit. */
export async function ensureNotLimited(name: LimitName, key: string, db?: Db): Promise<void> {
  const res = await (await limiter(name, db)).get(key);
  if (res && res.consumedPoints >= LIMITS[name].points) throw limited(name, res);
}

export async function resetLimit(name: LimitName, key: string, db?: Db): Promise<void> {
  await (await limiter(name, db)).delete(key);
}
