-- Who made each logged change (the user, or the admin for an admin's undo), a rejected approval
-- as its own outcome, and a per-user session version that sign-out bumps to end old sessions.
-- New enum values cannot be used in the transaction that adds them: the backfill is the next migration.

-- AlterEnum
ALTER TYPE "OperationSource" ADD VALUE 'admin';

-- AlterEnum
ALTER TYPE "OperationStatus" ADD VALUE 'rejected';

-- AlterTable
ALTER TABLE "task_operation_logs" ADD COLUMN     "actor_id" UUID;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "task_operation_logs_actor_id_idx" ON "task_operation_logs"("actor_id");

-- AddForeignKey
ALTER TABLE "task_operation_logs" ADD CONSTRAINT "task_operation_logs_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
