import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI downloads a native schema engine before every command, which fails on
// machines without internet. Unless one is provided, point it at our own engine program,
// which runs the official WebAssembly build of the same engine (see README, "Prisma offline").
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts", "prisma-engine", "bin.mjs");
process.env.CHECKPOINT_DISABLE ??= "1"; // no update check / telemetry child process: there is no internet

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./.data/pglite" },
});
