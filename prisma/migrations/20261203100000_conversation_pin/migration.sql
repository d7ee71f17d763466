-- Pinned conversations (the sidebar's "Pinned" section, newest pin first) and where each
-- title came from, so a title the user gave is never replaced by a generated one.

-- AlterTable: conversations saved before this keep their titles as they are ('auto'); new ones
-- start as a draft (the first message, tidied) that the first turn replaces.
ALTER TABLE "conversations" ADD COLUMN "pinned_at" TIMESTAMPTZ(3),
ADD COLUMN "title_source" VARCHAR(5) NOT NULL DEFAULT 'auto';
ALTER TABLE "conversations" ALTER COLUMN "title_source" SET DEFAULT 'draft';
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_title_source_check" CHECK ("title_source" IN ('draft', 'auto', 'model', 'user'));

-- CreateIndex: the Pinned section's read (user_id = $1 AND pinned_at IS NOT NULL ORDER BY pinned_at DESC).
CREATE INDEX "conversations_user_id_pinned_at_idx" ON "conversations"("user_id", "pinned_at" DESC);
