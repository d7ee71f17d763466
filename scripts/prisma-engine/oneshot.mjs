// The engine's one-shot commands: `bin.mjs --datasource '{"url":…}' cli <command>`.
// The CLI runs `can-connect-to-database` before most commands and, when that reports P1003
// (database does not exist), `create-database`. These need no schema engine: plain
// connections (pg) or a look at the directory (PGlite) are enough, and much faster.
import fs from "node:fs";
import path from "node:path";
import {
  openPGlite,
  parseDatasourceUrl,
  pgAdminQuery,
  pgUrlInfo,
  quoteIdent,
  UserError,
  withDatabase,
} from "./adapters.mjs";
import pg from "pg";

/** Maps a pg connection error to the native engine's error codes and messages. */
function pgConnectionError(error, url) {
  const { database, host, port, user } = pgUrlInfo(url);
  const at = `${host}:${port}`;
  switch (error?.code) {
    case "3D000":
      return new UserError("P1003", `Database \`${database}\` does not exist on the database server at \`${at}\`.`);
    case "28P01":
    case "28000":
      return new UserError(
        "P1000",
        `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${at}\`.`,
      );
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return new UserError(
        "P1001",
        `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
      );
    default:
      return error;
  }
}

const isPGliteDir = (dir) => fs.existsSync(path.join(dir, "PG_VERSION"));

export async function canConnect(url, cwd) {
  const target = parseDatasourceUrl(url, cwd);
  if (target.kind === "pglite") {
    // Not opened here (seconds of start-up for nothing): a PGlite database is a directory.
    if (!isPGliteDir(target.dir)) throw new UserError("P1003", `Database \`${target.dir}\` does not exist.`);
    return;
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw pgConnectionError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates the database and returns its name. */
export async function createDatabase(url, cwd) {
  const target = parseDatasourceUrl(url, cwd);
  if (target.kind === "pglite") {
    if (!isPGliteDir(target.dir)) {
      const db = await openPGlite(target.dir); // initialises the directory
      await db.close();
    }
    return target.dir;
  }
  const { database } = pgUrlInfo(url);
  // CREATE DATABASE has to run while connected to another database of the same server.
  const admin = database === "postgres" ? withDatabase(url, "template1") : withDatabase(url, "postgres");
  try {
    await pgAdminQuery(admin, `CREATE DATABASE ${quoteIdent(database)}`);
  } catch (error) {
    if (error?.code === "42P04") return database; // already exists
    throw pgConnectionError(error, url);
  }
  return database;
}

export async function dropDatabase(url, cwd) {
  const target = parseDatasourceUrl(url, cwd);
  if (target.kind === "pglite") {
    // Only ever delete something that is recognisably a PGlite/PostgreSQL data directory.
    if (isPGliteDir(target.dir)) fs.rmSync(target.dir, { recursive: true, force: true });
    return;
  }
  const { database } = pgUrlInfo(url);
  const admin = database === "postgres" ? withDatabase(url, "template1") : withDatabase(url, "postgres");
  try {
    await pgAdminQuery(admin, `DROP DATABASE ${quoteIdent(database)}`);
  } catch (error) {
    throw pgConnectionError(error, url);
  }
}

export const ONESHOT_COMMANDS = {
  "can-connect-to-database": canConnect,
  "create-database": createDatabase,
  "drop-database": dropDatabase,
};
