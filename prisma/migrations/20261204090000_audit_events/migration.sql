-- The account record becomes the audit trail (/admin/audit): sign-ins, registrations,
-- sign-outs, conversation changes, admins' views of other people's data, exports and admin
-- undos join the account changes, each with the client's address and user agent. The table and
-- its enum are renamed, not recreated, so every row recorded so far stays.

-- RenameTable
ALTER TABLE "account_events" RENAME TO "audit_events";
ALTER TABLE "audit_events" RENAME CONSTRAINT "account_events_pkey" TO "audit_events_pkey";
ALTER TABLE "audit_events" RENAME CONSTRAINT "account_events_actor_id_fkey" TO "audit_events_actor_id_fkey";

-- RenameEnum, AddEnumValues (PostgreSQL 12+ adds values inside the migration's transaction;
-- none of them is used before it commits).
ALTER TYPE "AccountEventKind" RENAME TO "AuditEventKind";
ALTER TYPE "AuditEventKind" ADD VALUE 'signed_in';
ALTER TYPE "AuditEventKind" ADD VALUE 'sign_in_failed';
ALTER TYPE "AuditEventKind" ADD VALUE 'signed_out';
ALTER TYPE "AuditEventKind" ADD VALUE 'registered';
ALTER TYPE "AuditEventKind" ADD VALUE 'conversation_renamed';
ALTER TYPE "AuditEventKind" ADD VALUE 'conversation_archived';
ALTER TYPE "AuditEventKind" ADD VALUE 'conversation_unarchived';
ALTER TYPE "AuditEventKind" ADD VALUE 'conversation_deleted';
ALTER TYPE "AuditEventKind" ADD VALUE 'log_entry_viewed';
ALTER TYPE "AuditEventKind" ADD VALUE 'users_listed';
ALTER TYPE "AuditEventKind" ADD VALUE 'logs_exported';
ALTER TYPE "AuditEventKind" ADD VALUE 'tasks_exported';
ALTER TYPE "AuditEventKind" ADD VALUE 'conversation_exported';
ALTER TYPE "AuditEventKind" ADD VALUE 'operation_undone';

-- CreateEnum
CREATE TYPE "AuditTargetType" AS ENUM ('user', 'conversation', 'operation', 'export');

-- AlterTable: a failed sign-in for an e-mail that has no account concerns no one, so the
-- subject may be empty. Addresses are at most 45 characters (IPv6 written out in full); user
-- agents are cut to 512 before they are stored.
ALTER TABLE "audit_events" ALTER COLUMN "subject_id" DROP NOT NULL,
ADD COLUMN "target_type" "AuditTargetType",
ADD COLUMN "target_id" UUID,
ADD COLUMN "ip" VARCHAR(45),
ADD COLUMN "user_agent" VARCHAR(512);

-- Rows recorded so far each concern one account: the account is their target, except a data
-- export, whose target is the export (as lib/audit/kinds.ts says for new rows).
UPDATE "audit_events" SET "target_type" = 'export' WHERE "kind" = 'data_exported';
UPDATE "audit_events" SET "target_type" = 'user', "target_id" = "subject_id" WHERE "kind" <> 'data_exported';

-- Indexes: newest first, alone or within one kind, subject or actor (the page's filters).
ALTER INDEX "account_events_created_at_id_idx" RENAME TO "audit_events_created_at_id_idx";
DROP INDEX "account_events_subject_id_idx";
DROP INDEX "account_events_actor_id_idx";
CREATE INDEX "audit_events_kind_created_at_id_idx" ON "audit_events"("kind", "created_at" DESC, "id" DESC);
CREATE INDEX "audit_events_subject_id_created_at_id_idx" ON "audit_events"("subject_id", "created_at" DESC, "id" DESC);
CREATE INDEX "audit_events_actor_id_created_at_id_idx" ON "audit_events"("actor_id", "created_at" DESC, "id" DESC);
