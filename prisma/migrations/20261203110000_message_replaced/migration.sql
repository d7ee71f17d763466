-- An edit or a regenerate replaces a turn without deleting it: the replaced messages are marked
-- (and name the user message whose turn replaced them), and their task changes are undone
-- through the operation log, whose rows stay.

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "replaced_at" TIMESTAMPTZ(3),
ADD COLUMN     "replaced_by_id" UUID;

-- CreateIndex
CREATE INDEX "messages_replaced_by_id_idx" ON "messages"("replaced_by_id");

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_replaced_by_id_fkey" FOREIGN KEY ("replaced_by_id") REFERENCES "messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;
