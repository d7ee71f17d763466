-- Sensitive text (issue 15 item 9): messages and tasks whose text holds an e-mail address, a
-- phone, card or IBAN number are flagged when they are written (lib/privacy/sensitive.ts), and
-- an admin revealing such text on a log entry is audited. Rows written before this stay false
-- (a task gets its flag on its next update); admin views do not rely on the flag: they scan and
-- mask what they show, old rows included.

-- AlterTable: a constant default, so PostgreSQL 11+ adds the columns without rewriting the tables.
ALTER TABLE "messages" ADD COLUMN "is_sensitive" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "tasks" ADD COLUMN "is_sensitive" BOOLEAN NOT NULL DEFAULT false;

-- AddEnumValue (unused before the migration commits).
ALTER TYPE "AuditEventKind" ADD VALUE 'sensitive_revealed';
