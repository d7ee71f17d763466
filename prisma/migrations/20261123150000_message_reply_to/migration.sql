-- Each assistant reply names the user message it answers, so the admin figures count rated
-- replies by a join instead of looking for "the next message" once per operation.

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "reply_to_id" UUID;

-- Replies saved before this migration: the reply is the assistant message right after the
-- user's message in its conversation (system messages aside), as the admin area read it.
UPDATE "messages" r SET "reply_to_id" = p."id"
FROM "messages" r0
CROSS JOIN LATERAL (
  SELECT m."id", m."role" FROM "messages" m
  WHERE m."conversation_id" = r0."conversation_id" AND m."role" <> 'system' AND (m."created_at", m."id") < (r0."created_at", r0."id")
  ORDER BY m."created_at" DESC, m."id" DESC
  LIMIT 1
) p
WHERE r."id" = r0."id" AND r0."role" = 'assistant' AND p."role" = 'user';

-- CreateIndex
CREATE INDEX "messages_reply_to_id_idx" ON "messages"("reply_to_id");

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_reply_to_id_fkey" FOREIGN KEY ("reply_to_id") REFERENCES "messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;
