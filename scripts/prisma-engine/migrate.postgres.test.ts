// `prisma migrate` against PostgreSQL. Runs only when TEST_DATABASE_URL names a server (see
// vitest.config.ts), e.g.
//   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx vitest run scripts/prisma-engine
// Each test gets its own uniquely named database on that server, dropped afterwards.
import { migrateSuite, postgresDatabase } from "@/test/support/prisma-engine";

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error("TEST_DATABASE_URL must name a PostgreSQL server for this file");

migrateSuite("PostgreSQL", () => postgresDatabase(serverUrl));
