// `prisma migrate` against the embedded database (PGlite in a temporary directory).
import { migrateSuite, pgliteDatabase } from "@/test/support/prisma-engine";

migrateSuite("PGlite", async (project) => pgliteDatabase(project));
