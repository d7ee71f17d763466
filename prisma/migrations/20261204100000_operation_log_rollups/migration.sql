-- Per-day rollups of the operation log for the admin figures (lib/admin/rollup.ts): the figures
-- read past days, and today up to the last full hour, from these tables, and only the rows
-- after that from the log itself.
--
-- Days are rolled up off the write path (the background worker, `npm run retention`, or the
-- figures panel when it finds a day missing). Rows can still change after that: a status
-- written late, a user deleted (their rows go), retention, a reply rated days later. The
-- triggers below mark such a day stale, and it is rolled up again before it is read. They run
-- only for rows older than the rollup cut (their WHEN clauses), so a chat turn, which writes
-- rows of this moment, never calls them and never waits on a rollup row.

-- CreateTable
CREATE TABLE "operation_log_days" (
    "day" DATE NOT NULL,
    "fresh" BOOLEAN NOT NULL DEFAULT false,
    "through" TIMESTAMPTZ(3),

    CONSTRAINT "operation_log_days_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "operation_log_daily" (
    "day" DATE NOT NULL,
    "operation" "Operation" NOT NULL,
    "status" "OperationStatus" NOT NULL,
    "source" "OperationSource" NOT NULL,
    "count" INTEGER NOT NULL,
    "buckets" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "bucket_counts" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "rated" INTEGER NOT NULL DEFAULT 0,
    "helpful" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "operation_log_daily_pkey" PRIMARY KEY ("day","operation","status","source")
);

-- CreateTable
CREATE TABLE "operation_log_user_daily" (
    "user_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "operation" "Operation" NOT NULL,
    "status" "OperationStatus" NOT NULL,
    "source" "OperationSource" NOT NULL,
    "count" INTEGER NOT NULL,
    "buckets" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "bucket_counts" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "rated" INTEGER NOT NULL DEFAULT 0,
    "helpful" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "operation_log_user_daily_pkey" PRIMARY KEY ("user_id","day","operation","status","source")
);

-- CreateIndex
CREATE INDEX "operation_log_user_daily_day_idx" ON "operation_log_user_daily"("day");

-- The rollup cut: rows older than this may be rolled up (the last full UTC hour that ended at
-- least 10 minutes ago, longer than any transaction that writes log rows runs). The rollups and
-- the triggers read it from here, so they always agree.
CREATE FUNCTION operation_log_rollup_cut() RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT date_trunc('hour', now() - interval '10 minutes', 'UTC')
$$;

-- Marks the days of rows older than the cut stale. It always takes the day's row lock, even when
-- the day is stale already: a rollup of that day locks the same row first, so it either waits for
-- this change to commit and sees it, or runs before it and the day is marked stale again once
-- the change commits.
CREATE FUNCTION operation_log_days_stale(changed timestamptz[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO operation_log_days (day, fresh)
  SELECT DISTINCT (t AT TIME ZONE 'UTC')::date, false FROM unnest(changed) AS t
  WHERE t < operation_log_rollup_cut()
  ORDER BY 1
  ON CONFLICT (day) DO UPDATE SET fresh = false WHERE operation_log_days.fresh
$$;

CREATE FUNCTION operation_log_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM operation_log_days_stale(ARRAY[NEW.created_at]);
  ELSE
    PERFORM operation_log_days_stale(ARRAY[OLD.created_at, NEW.created_at]);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION operation_log_rows_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM operation_log_days_stale(ARRAY(SELECT created_at FROM deleted_rows));
  RETURN NULL;
END
$$;

-- A rating given, changed or removed (or a rated reply deleted): the days of the operations of
-- the message it replies to.
CREATE FUNCTION operation_log_rating_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  asked uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    asked := ARRAY[NEW.reply_to_id];
  ELSIF TG_OP = 'DELETE' THEN
    asked := ARRAY[OLD.reply_to_id];
  ELSE
    asked := ARRAY[OLD.reply_to_id, NEW.reply_to_id];
  END IF;
  PERFORM operation_log_days_stale(ARRAY(SELECT l.created_at FROM task_operation_logs l WHERE l.message_id = ANY(asked)));
  RETURN NULL;
END
$$;

-- Rows written before the cut: an import of history, a transaction that began long ago.
CREATE TRIGGER "operation_log_rollup_insert" AFTER INSERT ON "task_operation_logs"
  FOR EACH ROW WHEN (NEW.created_at < operation_log_rollup_cut())
  EXECUTE FUNCTION operation_log_row_changed();

-- Only the columns the figures read.
CREATE TRIGGER "operation_log_rollup_update" AFTER UPDATE OF "user_id", "message_id", "operation", "source", "status", "duration_ms", "created_at" ON "task_operation_logs"
  FOR EACH ROW WHEN (
    (OLD.created_at < operation_log_rollup_cut() OR NEW.created_at < operation_log_rollup_cut())
    AND (OLD.user_id, OLD.message_id, OLD.operation, OLD.source, OLD.status, OLD.duration_ms, OLD.created_at)
        IS DISTINCT FROM (NEW.user_id, NEW.message_id, NEW.operation, NEW.source, NEW.status, NEW.duration_ms, NEW.created_at))
  EXECUTE FUNCTION operation_log_row_changed();

-- Once per statement: retention and a deleted account remove many rows at once.
CREATE TRIGGER "operation_log_rollup_delete" AFTER DELETE ON "task_operation_logs"
  REFERENCING OLD TABLE AS deleted_rows
  FOR EACH STATEMENT EXECUTE FUNCTION operation_log_rows_deleted();

CREATE TRIGGER "operation_log_rollup_rating_insert" AFTER INSERT ON "messages"
  FOR EACH ROW WHEN (NEW.feedback IS NOT NULL AND NEW.reply_to_id IS NOT NULL)
  EXECUTE FUNCTION operation_log_rating_changed();

CREATE TRIGGER "operation_log_rollup_rating_update" AFTER UPDATE OF "feedback", "reply_to_id", "role" ON "messages"
  FOR EACH ROW WHEN (
    (OLD.feedback IS NOT NULL OR NEW.feedback IS NOT NULL)
    AND (OLD.feedback, OLD.reply_to_id, OLD.role) IS DISTINCT FROM (NEW.feedback, NEW.reply_to_id, NEW.role))
  EXECUTE FUNCTION operation_log_rating_changed();

CREATE TRIGGER "operation_log_rollup_rating_delete" AFTER DELETE ON "messages"
  FOR EACH ROW WHEN (OLD.feedback IS NOT NULL AND OLD.reply_to_id IS NOT NULL)
  EXECUTE FUNCTION operation_log_rating_changed();
