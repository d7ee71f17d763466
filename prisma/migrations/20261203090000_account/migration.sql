-- Account events (/admin/users): deletions, role changes, password changes and data exports.
-- subject_id has no foreign key on purpose: the row outlives the account it names.

-- CreateEnum
CREATE TYPE "AccountEventKind" AS ENUM ('account_deleted', 'role_granted', 'role_revoked', 'password_changed', 'data_exported');

-- CreateTable
CREATE TABLE "account_events" (
    "id" UUID NOT NULL,
    "kind" "AccountEventKind" NOT NULL,
    "subject_id" UUID NOT NULL,
    "actor_id" UUID,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "account_events_created_at_id_idx" ON "account_events"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "account_events_subject_id_idx" ON "account_events"("subject_id");

-- CreateIndex
CREATE INDEX "account_events_actor_id_idx" ON "account_events"("actor_id");

-- AddForeignKey
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
