// `prisma migrate` against the embedded database (PGlite in a temporary directory).
import { migrateSuite, pgliteDatabase } from "./testing";

migrateSuite("PGlite", async (project) => pgliteDatabase(project));
