// `prisma migrate` against PostgreSQL, when TEST_DATABASE_URL names a server to use, e.g.
//   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test npx vitest run scripts/prisma-engine
// Each test gets its own uniquely named database on that server, dropped afterwards.
import { migrateSuite, postgresDatabase } from "./testing";

const serverUrl = process.env.TEST_DATABASE_URL;

migrateSuite("PostgreSQL", serverUrl ? () => postgresDatabase(serverUrl) : null);
