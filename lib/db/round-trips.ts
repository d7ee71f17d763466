// Counts what the app sends to the database, at the driver (node-pg's Client.query and PGlite's
// query/exec/transaction), for the turn benchmark and for tests that hold a code path to a
// number of round trips. A round trip is one call that waits for the database's answer: one
// statement, one multi-statement script, BEGIN or COMMIT each. Patching prototypes affects the
// whole process, so this is for benchmarks and tests only.
import "server-only";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export type QueryCount = {
  /** Calls that each waited for the database. */
  roundTrips: number;
  /** SQL statements in them (a script of several counts each). */
  statements: number;
  /** Round trips by the first words of their SQL. */
  byKind: Map<string, number>;
  /** The first words of each round trip's SQL, in the order sent. */
  sequence: string[];
};

export type QueryCounter = QueryCount & { reset: () => void; stop: () => void };

const active = new Set<QueryCounter>();
let installed = false;

/** Statements in a script: semicolons between statements (parameterised SQL carries no literal ones). */
function statementsIn(sql: string): number {
  return sql.split(/;\s*(?=\S)/).length;
}

function record(sql: string) {
  const kind = sql.replace(/\s+/g, " ").trim().slice(0, 60);
  for (const c of active) {
    c.roundTrips += 1;
    c.statements += statementsIn(sql);
    c.byKind.set(kind, (c.byKind.get(kind) ?? 0) + 1);
    if (c.sequence.length < 10_000) c.sequence.push(kind);
  }
}

const textOf = (arg: unknown) =>
  typeof arg === "string" ? arg : ((arg as { text?: string } | undefined)?.text ?? "?");

function install() {
  if (installed) return;
  installed = true;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    record(textOf(args[0]));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;

  type Queryable = { query: (...a: unknown[]) => Promise<unknown>; exec: (...a: unknown[]) => Promise<unknown> };
  type Tx = Queryable & { rollback: () => Promise<void> };
  const proto = PGlite.prototype as unknown as Queryable & {
    transaction: (fn: (tx: Tx) => Promise<unknown>) => Promise<unknown>;
  };
  const pgliteQuery = proto.query;
  const pgliteExec = proto.exec;
  const transaction = proto.transaction;
  proto.query = function (this: Queryable, ...args: unknown[]) {
    record(textOf(args[0]));
    return pgliteQuery.apply(this, args);
  };
  proto.exec = function (this: Queryable, ...args: unknown[]) {
    record(textOf(args[0]));
    return pgliteExec.apply(this, args);
  };
  // PGlite sends BEGIN and COMMIT/ROLLBACK itself, and the transaction's queries bypass the
  // instance's methods: count those on the transaction object it hands out.
  proto.transaction = function (this: unknown, fn: (tx: Tx) => Promise<unknown>) {
    record("BEGIN");
    let rolledBack = false;
    return transaction
      .call(this, (tx: Tx) => {
        const counted = Object.create(tx) as typeof tx;
        counted.query = (...args: unknown[]) => {
          record(textOf(args[0]));
          return tx.query(...args);
        };
        counted.exec = (...args: unknown[]) => {
          record(textOf(args[0]));
          return tx.exec(...args);
        };
        counted.rollback = () => {
          rolledBack = true;
          record("ROLLBACK");
          return tx.rollback();
        };
        return fn(counted);
      })
      .then(
        (value) => {
          if (!rolledBack) record("COMMIT");
          return value;
        },
        (error) => {
          if (!rolledBack) record("ROLLBACK");
          throw error;
        },
      );
  };
}

/** Starts counting every round trip the process sends from now on, until stop(). */
export function countQueries(): QueryCounter {
  install();
  const counter: QueryCounter = {
    roundTrips: 0,
    statements: 0,
    byKind: new Map(),
    sequence: [],
    reset: () => {
      counter.roundTrips = 0;
      counter.statements = 0;
      counter.byKind.clear();
      counter.sequence.length = 0;
    },
    stop: () => void active.delete(counter),
  };
  active.add(counter);
  return counter;
}
