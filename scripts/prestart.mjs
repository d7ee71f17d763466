// Runs before the server starts (npm start, npm run dev): checks the configuration and applies
// pending migrations. It finishes before the server opens the database, so the embedded
// PGlite directory is never opened by two processes at once.
//
// Prisma's schema engine takes 2–3 s even with nothing to apply, so the applied migrations are
// checked first (scripts/migrations-pending.mjs) and the engine runs only when something is
// pending, failed or cannot be checked. `npm run db:migrate -- --force` always runs it.
//
// scripts/start.mjs calls prestart() in its own process (one Node start-up less); run alone,
// this file does the same.
import { dotEnv, isEmbedded, isMain, PRISMA_CLI, runOrExit } from "./lib.mjs";
import {
  clearPgliteStamp,
  localMigrations,
  pendingOnPglite,
  pendingOnPostgres,
  pgliteDir,
  writePgliteStamp,
} from "./migrations-pending.mjs";

/** Exits the process when the configuration is wrong or a migration fails. */
export async function prestart({ force = false } = {}) {
  // .env as Next reads it (without overriding what is set), but only for this check and Prisma:
  // process.env stays as it was, so the server still reads its own .env files in its order.
  const env = { ...dotEnv(), ...process.env };
  const url = env.DATABASE_URL;
  const embedded = isEmbedded(url);

  if (!embedded && !env.AUTH_SECRET?.trim() && env.NODE_ENV === "production") {
    console.error(
      "Doable will not start: AUTH_SECRET is not set.\n" +
        "With a PostgreSQL server (DATABASE_URL=postgresql://…) set AUTH_SECRET to a long random string,\n" +
        "for example: AUTH_SECRET=$(openssl rand -base64 32)",
    );
    process.exit(1);
  }

  const dir = embedded ? pgliteDir(url) : null;
  const where = embedded ? `embedded PGlite in ${url?.slice(5) || ".data/pglite"}` : "PostgreSQL";
  const local = localMigrations();
  const { pending, reason } = force
    ? { pending: true, reason: "--force" }
    : embedded
      ? pendingOnPglite(dir, local)
      : await pendingOnPostgres(url, local);
  if (!pending) {
    console.log(`Database migrations: ${local.length} applied, none pending (${where}).`);
    return;
  }
  console.log(`Applying database migrations (${where}; ${reason})…`);
  if (embedded) clearPgliteStamp(dir);
  await runOrExit(process.execPath, [PRISMA_CLI, "migrate", "deploy"], { env: { ...env, CHECKPOINT_DISABLE: "1" } });
  if (embedded) writePgliteStamp(dir, local);
}

if (isMain(import.meta.url)) {
  await prestart({ force: process.argv.includes("--force") });
}
