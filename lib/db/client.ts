import "server-only";
import { PrismaClient } from "@/generated/prisma/client";
import { setting } from "@/lib/env";
import { databaseTarget, type DatabaseTarget } from "./url";

export type Db = PrismaClient;

export type DbHandle = {
  db: Db;
  target: DatabaseTarget;
  /** Runs a multi-statement SQL script (migrations, test fixtures) outside Prisma. */
  exec: (sql: string) => Promise<void>;
  close: () => Promise<void>;
};

/** Opens a Prisma client on the driver adapter for `url` (default: the DATABASE_URL setting).
 * Most code wants `getDb` below instead. */
export async function openDatabase(url?: string): Promise<DbHandle> {
  const target = databaseTarget(url);
  if (target.kind === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // A connection the server drops (restart, failover, pg_terminate_backend) emits 'error';
    // unheard, it is an uncaught exception that ends the process. The pool replaces it, and
    // the request that needed it answers 503 (lib/db/unavailable.ts).
    const adapter = new PrismaPg(
      { connectionString: target.url, max: setting("DATABASE_POOL_SIZE") },
      { onPoolError: connectionLost, onConnectionError: connectionLost },
    );
    const db = new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
    const exec = async (sql: string) => {
      const { Client } = await import("pg");
      const client = new Client({ connectionString: target.url });
      client.on("error", connectionLost);
      await client.connect();
      try {
        await client.query(sql); // no parameters: the simple protocol accepts several statements
      } finally {
        await client.end();
      }
    };
    return { db, target, exec, close: () => db.$disconnect() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  // PGlite bundles its extensions; those the migrations create must be loaded when it opens.
  const extensions = { pg_trgm };
  const pglite = target.dir ? new PGlite(target.dir, { extensions }) : new PGlite({ extensions });
  await pglite.waitReady;
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
  return {
    db,
    target,
    exec: async (sql) => void (await pglite.exec(sql)),
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

function connectionLost(error: Error) {
  console.error(`database connection lost: ${error.message}`);
}

// With more turns in flight than pooled connections, a transaction queues for a connection.
// Prisma's defaults (2 s to get one, 5 s to finish) failed turns outright when 50 users chatted
// at once on 2 busy cores (lib/chat/load.postgres.test.ts); a turn should wait, not fail.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

// One client per process, kept on globalThis so Next's dev reloads reuse it: PGlite allows a
// single opener of its directory, and a pool per reload would leak connections.
const globalForDb = globalThis as unknown as { doableDb?: Promise<DbHandle> };

export function getDatabase(): Promise<DbHandle> {
  if (!globalForDb.doableDb) {
    globalForDb.doableDb = openDatabase().then((handle) => {
      closeOnExit(handle);
      return handle;
    });
    // A failed open must not be cached forever: the next request tries again.
    globalForDb.doableDb.catch(() => (globalForDb.doableDb = undefined));
  }
  return globalForDb.doableDb;
}

/** The process's Prisma client. */
export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

function closeOnExit(handle: DbHandle) {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    // PGlite must be closed to checkpoint its files; otherwise the next start replays WAL.
    handle.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
