-- Rows written before the actor column: an admin's undo recorded the admin in its input
-- (operation undo, source ui, input.actorId naming an existing account); every other row was
-- made by its owner. Only that shape is trusted: a model's tool input may hold any key.
UPDATE "task_operation_logs" l SET "actor_id" = a."id", "source" = 'admin'
FROM "users" a
WHERE l."operation" = 'undo' AND l."source" = 'ui' AND l."input" ? 'actorId'
  AND l."input"->>'actorId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  AND a."id" = (l."input"->>'actorId')::uuid AND a."id" <> l."user_id";

UPDATE "task_operation_logs" SET "actor_id" = "user_id" WHERE "actor_id" IS NULL;

-- A rejected approval was logged as a failure; it is its own outcome.
UPDATE "task_operation_logs" SET "status" = 'rejected' WHERE "approval" = 'rejected' AND "status" = 'failed';
