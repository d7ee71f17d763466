// Driver adapters for the WebAssembly schema engine, picked from the datasource URL:
//   postgresql://… / postgres://…  → @prisma/adapter-pg (a real PostgreSQL server)
//   file:<dir>                      → PGlite (embedded PostgreSQL) on that directory
//
// The engine receives an adapter *factory*: `connect()` for the main database and
// `connectToShadowDb()` for the scratch database `migrate dev` / `migrate diff` replay the
// migrations in. Both official adapters need small fixes to behave like the native engine;
// each fix below says which problem it solves. One file over 300 lines on purpose: the fixes
// are read against each other, adapter by adapter.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { trace } from "./trace.mjs";

/** Parses a datasource URL into `{ kind: "postgres", url }` or `{ kind: "pglite", dir }`. */
export function parseDatasourceUrl(url, cwd = process.cwd()) {
  if (typeof url !== "string" || url === "") {
    throw new UserError(
      "P1012",
      "The datasource URL is empty: set DATABASE_URL or `datasource.url` in prisma.config.ts.",
    );
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: "postgres", url };
  if (url.startsWith("file:")) {
    // `file:./.data/pglite`, `file:/abs/dir` or `file:///abs/dir`; a query string is ignored.
    let rest = url.slice("file:".length).split("?")[0];
    if (rest.startsWith("//")) rest = rest.slice(2);
    if (rest === "")
      throw new UserError("P1012", "A `file:` datasource URL needs a directory, e.g. `file:./.data/pglite`.");
    // Relative to the project root: the CLI starts the engine with cwd = the config's directory.
    return { kind: "pglite", dir: path.resolve(cwd, decodeURIComponent(rest)) };
  }
  throw new UserError(
    "P1013",
    `Unsupported datasource URL \`${url.split(":")[0]}:…\`. This project's schema engine supports postgresql:// and file:<directory> (PGlite).`,
  );
}

/** An error the CLI shows to the user as `<code>: <message>` (like the native engine's). */
export class UserError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

// ---------------------------------------------------------------------------------------
// Resources opened on behalf of the engine (pools, PGlite instances, shadow databases),
// closed by closeAll() when the CLI ends stdin or terminates the process.
const openResources = new Set();

function track(close) {
  let closed = false;
  const entry = async () => {
    if (closed) return;
    closed = true;
    openResources.delete(entry);
    await close();
  };
  openResources.add(entry);
  return entry;
}

export async function closeAll() {
  // Newest first: shadow databases are dropped through connections opened before them.
  for (const close of [...openResources].reverse()) {
    await close().catch((e) => trace("cleanup-error", String(e?.stack ?? e)));
  }
}

// ---------------------------------------------------------------------------------------
// PostgreSQL through @prisma/adapter-pg

/** Returns `url` with its database name replaced. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Database name, host and user of a postgres URL (for messages and admin statements). */
export function pgUrlInfo(url) {
  const u = new URL(url);
  return {
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    host: u.hostname || "localhost",
    port: u.port || "5432",
    user: decodeURIComponent(u.username || ""),
    schema: u.searchParams.get("schema") ?? undefined,
  };
}

export const quoteIdent = (name) => `"${String(name).replaceAll('"', '""')}"`;

/**
 * adapter-pg cannot map Postgres's internal `"char"` type (oid 18) to a column type and
 * throws UnsupportedNativeDataType; the engine reads such columns from the system catalogs
 * (pg_constraint.contype, pg_class.relkind, …) and expects them as Character values (it
 * panics on a CHECK constraint if they come back as Text). So the pg client relabels those
 * fields as text, which adapter-pg accepts, and remembers which columns they were (keyed
 * by the rows array, which adapter-pg passes through unchanged); withCharColumns() then
 * reports them as Character in the adapter's result.
 */
const charColumnsByRows = new WeakMap();
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

function relabelCharFields(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    const columns = [];
    (r?.fields ?? []).forEach((field, i) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      columns.push(i);
    });
    if (columns.length && Array.isArray(r.rows)) charColumnsByRows.set(r.rows, columns);
  }
  return result;
}

class CharColumnsClient extends pg.Client {
  query(...args) {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (err, res) => callback(err, err ? res : relabelCharFields(res));
      return super.query(...args);
    }
    const result = super.query(...args);
    return typeof result?.then === "function" ? result.then(relabelCharFields) : result;
  }
}

/** Reports the remembered `"char"` columns as Character (on an adapter or a transaction). */
function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const i of charColumnsByRows.get(resultSet.rows) ?? []) resultSet.columnTypes[i] = CHARACTER_COLUMN;
    return resultSet;
  };
  if (queryable.startTransaction) {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (isolationLevel) => withCharColumns(await startTransaction(isolationLevel));
  }
  return queryable;
}

/** Runs one statement on its own short-lived connection (CREATE/DROP DATABASE). */
export async function pgAdminQuery(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Applies both adapter-pg fixes: `"char"` columns (above), and the native engine's script
 * semantics: adapter-pg's executeScript splits the script on `;` (breaking plpgsql bodies
 * and string literals, and running statements one by one, not atomically). One
 * simple-protocol query runs the whole script as one implicit transaction, as the native
 * engine does.
 */
function fixPgAdapter(adapter) {
  withCharColumns(adapter);
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error); // converts to the DriverAdapterError the engine understands
    }
  };
  return adapter;
}

/** Tracks an adapter so closeAll() disposes it if the engine has not. */
function trackAdapter(adapter, extraCleanup = async () => {}) {
  const dispose = adapter.dispose.bind(adapter);
  const close = track(async () => {
    await dispose();
    await extraCleanup();
  });
  adapter.dispose = close;
  return adapter;
}

/** Drops every schema of the database, then recreates an empty `public`. */
const RESET_SCHEMAS = `DO $$
DECLARE s text;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  CREATE SCHEMA public;
END $$`;

function pgFactory({ url, shadowDatabaseUrl }) {
  const { schema } = pgUrlInfo(url);
  const options = schema ? { schema } : undefined;
  const adapterFor = (connectionString) => new PrismaPg({ connectionString, Client: CharColumnsClient }, options);
  const main = adapterFor(url);

  return {
    provider: main.provider,
    adapterName: main.adapterName,
    async connect() {
      return trackAdapter(fixPgAdapter(await main.connect()));
    },
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        // The user named a shadow database (datasource.shadowDatabaseUrl), typically where
        // creating databases is not allowed. The wasm engine replays the migrations into it
        // as it is, so empty it first, as the native engine does.
        trace("shadow", "reset the shadowDatabaseUrl database");
        await pgAdminQuery(shadowDatabaseUrl, RESET_SCHEMAS);
        return trackAdapter(fixPgAdapter(await adapterFor(shadowDatabaseUrl).connect()));
      }
      // adapter-pg's own connectToShadowDb creates a database but then connects with
      // `{ connectionString, database }`, where pg lets connectionString win: the "shadow"
      // would be the main database, which the engine wipes. Create a real temporary
      // database instead and drop it when the engine disposes the shadow.
      const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
      trace("shadow", `CREATE DATABASE ${name}`);
      await pgAdminQuery(url, `CREATE DATABASE ${quoteIdent(name)}`);
      const drop = async () => {
        trace("shadow", `DROP DATABASE ${name}`);
        await pgAdminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(
          () => pgAdminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)}`), // PostgreSQL < 13
        );
      };
      try {
        return trackAdapter(fixPgAdapter(await adapterFor(withDatabase(url, name)).connect()), drop);
      } catch (error) {
        await drop();
        throw error;
      }
    },
  };
}

// ---------------------------------------------------------------------------------------
// PGlite through pglite-prisma-adapter

/** Opens (creating if needed) a PGlite database; closeAll() closes it. */
export async function openPGlite(dir) {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  trace("pglite", `open ${dir ?? "memory"}`);
  // The extensions the migrations create must be loaded into PGlite (see lib/db/client.ts).
  const db = await PGlite.create({ ...(dir ? { dataDir: dir } : {}), extensions: { pg_trgm } });
  track(async () => {
    trace("pglite", `close ${dir ?? "memory"}`);
    if (!db.closed) await db.close();
  });
  return db;
}

/**
 * pglite-prisma-adapter's executeScript calls `client.exec(script)` without awaiting it:
 * the engine would carry on before the script ran, and a failing script becomes an
 * unhandled rejection that kills the process instead of a reported migration failure.
 */
function pgliteAwaitedScript(adapter, db) {
  adapter.executeScript = async (script) => {
    try {
      await db.exec(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/**
 * For a diff between schema files / migrations only (`migrate diff --from-empty --to-schema
 * …`), the embedded database must not even be opened: it may be in use by the running app,
 * and two processes on one PGlite directory corrupt it. The engine still sends one probe
 * query when it starts; this adapter answers it the way PGlite 0.5 (PostgreSQL 18) would
 * and refuses anything else.
 */
function databaseFreeAdapter(probe) {
  const refuse = async () => {
    throw new Error("Internal error: this command was expected not to need the database.");
  };
  return {
    provider: probe.provider,
    adapterName: probe.adapterName,
    async queryRaw(query) {
      if (!/^SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\)/.test(query.sql))
        return refuse();
      // Column types: Boolean (5), Text (7), Int32 (0) in @prisma/driver-adapter-utils' ColumnTypeEnum.
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [5, 7, 0],
        rows: [[true, "PostgreSQL 18 (PGlite, not opened)", 180000]],
      };
    },
    executeRaw: refuse,
    executeScript: refuse,
    startTransaction: refuse,
    getConnectionInfo: () => ({ schemaName: undefined, supportsRelationJoins: true }),
    dispose: async () => {},
  };
}

function pgliteFactory({ dir, databaseFree }) {
  const probe = new PrismaPGlite(null); // only for its provider and adapter names
  let opening; // one PGlite instance per process: it is a single connection anyway
  return {
    provider: probe.provider,
    adapterName: probe.adapterName,
    async connect() {
      if (databaseFree) return databaseFreeAdapter(probe);
      opening ??= openPGlite(dir);
      const db = await opening;
      const adapter = pgliteAwaitedScript(await new PrismaPGlite(db).connect(), db);
      adapter.dispose = async () => {}; // the instance is closed by closeAll() on exit
      return adapter;
    },
    async connectToShadowDb() {
      // A fresh in-memory PGlite is a perfect shadow database: empty, private, and gone
      // when closed. (The adapter's own version never closes its instance.)
      const db = await openPGlite(null);
      const adapter = pgliteAwaitedScript(await new PrismaPGlite(db).connect(), db);
      adapter.dispose = async () => {
        if (!db.closed) await db.close();
      };
      return adapter;
    },
  };
}

/**
 * The adapter factory for a `--datasource` object `{ url, shadowDatabaseUrl? }`.
 * `databaseFree`: the engine will not use the main database (see databaseFreeAdapter).
 */
export function adapterFactoryFor(datasource, { cwd = process.cwd(), databaseFree = false } = {}) {
  const target = parseDatasourceUrl(datasource?.url, cwd);
  if (target.kind === "postgres")
    return pgFactory({ url: target.url, shadowDatabaseUrl: datasource.shadowDatabaseUrl });
  return pgliteFactory({ dir: target.dir, databaseFree });
}
