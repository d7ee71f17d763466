// Runs before the server starts (npm start, npm run dev): checks the configuration and applies
// pending migrations. It finishes before the server opens the database, so the embedded
// PGlite directory is never opened by two processes at once.
import { isEmbedded, loadDotEnv, PRISMA_CLI, runOrExit } from "./lib.mjs";

loadDotEnv();

if (!isEmbedded() && !process.env.AUTH_SECRET?.trim() && process.env.NODE_ENV === "production") {
  console.error(
    "Doable will not start: AUTH_SECRET is not set.\n" +
      "With a PostgreSQL server (DATABASE_URL=postgresql://…) set AUTH_SECRET to a long random string,\n" +
      "for example: AUTH_SECRET=$(openssl rand -base64 32)",
  );
  process.exit(1);
}

console.log(`Applying database migrations (${isEmbedded() ? `embedded PGlite in ${process.env.DATABASE_URL?.slice(5) || ".data/pglite"}` : "PostgreSQL"})…`);
await runOrExit(process.execPath, [PRISMA_CLI, "migrate", "deploy"], { env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
