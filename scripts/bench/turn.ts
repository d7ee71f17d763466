// `npm run bench:turn`: what one chat turn costs inside the server, without HTTP or decoding the
// session cookie (its version is still checked against the user's, as the route has it) — the
// CPU time, the database round trips and the SQL statements (BEGIN/COMMIT included) of
// `handleChat` adding a task with the offline interpreter, one turn after another on a scratch
// database. A round trip is one wait for the database: a statement, or a script of several
// (counted at the driver, lib/db/round-trips.ts). It shows where a turn's time goes;
// `bench:chat` measures the whole thing over HTTP.
//
//   npm run bench:turn                       # PostgreSQL at BENCH_PG_URL
//   BENCH_DB=pglite npm run bench:turn       # in-memory PGlite
//   BENCH_PROFILE=turn.cpuprofile npm run bench:turn   # plus a CPU profile of the measured turns
//   BENCH_TEXT="add email jane.doe@acme-mail.net" npm run bench:turn   # another add (here one flagged sensitive)
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import { registerUser } from "@/lib/auth/users";
import { chatRequestOf, userMessage } from "@/test/support/chat";
import { countQueries } from "@/lib/db/round-trips";
import { createTestDatabase } from "@/test/support/db";
import { summarizeProfile } from "./profile-summary";
import { ms, percentile } from "./report";

const TURNS = Number(process.env.BENCH_TURNS ?? 300);
const WARMUP = 30;
const TURNS_PER_CONVERSATION = 20;

// Every round trip the pg driver or PGlite is asked for, by its first words.
const queries = countQueries();

async function main() {
  if (process.env.BENCH_DB !== "pglite")
    process.env.TEST_DATABASE_URL ??= process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  else delete process.env.TEST_DATABASE_URL;
  process.env.CHAT_RATE_LIMIT = "1000000"; // read when the module loads, hence the import below
  const { handleChat } = await import("@/lib/chat/turn");
  const handle = await createTestDatabase();
  try {
    const user = await registerUser(handle.db, {
      email: `turn-${randomUUID()}@bench.local`,
      name: "Bench",
      password: "bench-password-1",
    });
    let conversationId: string | undefined;
    const turn = async (i: number) => {
      if (i % TURNS_PER_CONVERSATION === 0) conversationId = undefined;
      // With the token's session version, as the route passes it: the session check is part of the turn.
      const request = chatRequestOf({
        id: conversationId,
        message: userMessage(`${process.env.BENCH_TEXT ?? "add check parcel"} t${i}`),
        timeZone: "Europe/Berlin",
      });
      const response = await handleChat(handle.db, user, request, new Date(), { sessionVersion: 0 }); // a new account's
      const body = await response.text();
      if (response.status !== 200 || !body.includes('"added"'))
        throw new Error(`turn ${i} failed: ${response.status} ${body.slice(0, 300)}`);
      conversationId = response.headers.get("x-conversation-id") ?? undefined;
    };
    for (let i = 0; i < WARMUP; i++) await turn(i);
    queries.reset();
    const profiler = process.env.BENCH_PROFILE ? new Session() : null;
    let profileLines: string[] = [];
    if (profiler) {
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.start");
    }
    const latencies: number[] = [];
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = WARMUP; i < WARMUP + TURNS; i++) {
      const t = performance.now();
      await turn(i);
      latencies.push(performance.now() - t);
    }
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (profiler) {
      const { profile } = await profiler.post("Profiler.stop");
      fs.writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
      profileLines = summarizeProfile(profile, process.cwd())
        .slice(0, 15)
        .map(({ place, share }) => `  ${(share * 100).toFixed(1).padStart(5)}%  ${place}`);
    }
    console.log(
      `${TURNS} turns on ${handle.target.kind}: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, ${(TURNS / (wall / 1000)).toFixed(1)} turns/s one at a time`,
    );
    console.log(`CPU per turn in this process: ${ms((used.user + used.system) / 1000 / TURNS)}`);
    console.log(`Database round trips per turn: ${(queries.roundTrips / TURNS).toFixed(1)}`);
    console.log(`SQL statements per turn: ${(queries.statements / TURNS).toFixed(1)}`);
    console.log("Round trips per turn, by their first words:");
    for (const [kind, n] of [...queries.byKind].sort((a, b) => b[1] - a[1]))
      console.log(`  ${(n / TURNS).toFixed(2).padStart(6)}  ${kind}`);
    if (profileLines.length) {
      console.log(`Where the CPU went (self time, ${process.env.BENCH_PROFILE}):`);
      for (const line of profileLines) console.log(line);
    }
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
