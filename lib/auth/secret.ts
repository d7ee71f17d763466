import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isEmbedded } from "@/lib/db/url";
import { setting } from "@/lib/env";

export const LOCAL_SECRET_FILE = path.resolve(".data", "auth-secret");

/**
 * The key that signs session tokens. AUTH_SECRET wins. On the embedded default (no database
 * server) a random secret is generated once and kept beside the data, so a first run needs no
 * setup. A production deployment on a PostgreSQL server must set AUTH_SECRET.
 */
export function authSecret(): string | undefined {
  // `next build` evaluates modules without serving anyone; the secret is needed only at run time.
  if (process.env.NEXT_PHASE === "phase-production-build") return undefined;
  const fromEnv = setting("AUTH_SECRET");
  if (fromEnv) return fromEnv;
  if (!isEmbedded()) {
    throw new Error(
      "AUTH_SECRET is not set. Set it to a long random string (for example: openssl rand -base64 32) before starting Doable.",
    );
  }
  return readOrCreateLocalSecret();
}

/** authSecret where something is served (a request, the worker): it exists then, unlike at build time. */
export function runtimeAuthSecret(): string {
  const secret = authSecret();
  if (secret === undefined)
    throw new Error("The auth secret was asked for while `next build` ran, when there is none.");
  return secret;
}

function readOrCreateLocalSecret(): string {
  try {
    return fs.readFileSync(LOCAL_SECRET_FILE, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(LOCAL_SECRET_FILE), { recursive: true });
    try {
      fs.writeFileSync(LOCAL_SECRET_FILE, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch {
      // Another process wrote it first; use theirs.
    }
    return fs.readFileSync(LOCAL_SECRET_FILE, "utf8").trim();
  }
}
