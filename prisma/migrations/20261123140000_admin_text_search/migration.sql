-- Free-text search in the admin operation log ("milk" anywhere in the user's words or the
-- task's title) through trigram indexes, so a search over millions of rows reads only the
-- rows that can match instead of scanning them all. PGlite bundles pg_trgm (loaded in
-- lib/db/client.ts and the schema engine program).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "task_operation_logs_original_command_trgm_idx" ON "task_operation_logs" USING GIN ("original_command" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "tasks_title_trgm_idx" ON "tasks" USING GIN ("title" gin_trgm_ops);

-- The title an add asked for, where the add made no task (it failed): searched like a task's
-- title. Prisma's schema cannot express an expression index; its diff leaves this one alone.
CREATE INDEX "task_operation_logs_add_title_trgm_idx" ON "task_operation_logs" USING GIN ((input ->> 'title') gin_trgm_ops)
  WHERE operation = 'add' AND task_id IS NULL;
