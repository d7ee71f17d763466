-- Contract v2: a task may repeat (an RFC 5545 rule; due_date is its next occurrence) and carry
-- an explicit reminder moment; "what did I finish yesterday?" filters on completed_at.

-- AlterTable
ALTER TABLE "tasks" ADD COLUMN     "remind_at" TIMESTAMPTZ(3),
ADD COLUMN     "repeat" VARCHAR(500);

-- CreateIndex
CREATE INDEX "tasks_user_id_completed_at_idx" ON "tasks"("user_id", "completed_at");
