-- CreateEnum
CREATE TYPE "Role" AS ENUM ('user', 'admin');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('pending', 'completed');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('low', 'medium', 'high');

-- CreateEnum
CREATE TYPE "ConversationStatus" AS ENUM ('active', 'archived');

-- CreateEnum
CREATE TYPE "MessageRole" AS ENUM ('user', 'assistant', 'system');

-- CreateEnum
CREATE TYPE "MessageFeedback" AS ENUM ('up', 'down');

-- CreateEnum
CREATE TYPE "Operation" AS ENUM ('add', 'list', 'complete', 'reopen', 'update', 'delete', 'restore', 'undo');

-- CreateEnum
CREATE TYPE "OperationSource" AS ENUM ('chat', 'ui');

-- CreateEnum
CREATE TYPE "OperationStatus" AS ENUM ('pending', 'success', 'failed');

-- CreateEnum
CREATE TYPE "Approval" AS ENUM ('approved', 'rejected');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'user',
    "last_task_number" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" VARCHAR(2000),
    "status" "TaskStatus" NOT NULL DEFAULT 'pending',
    "priority" "Priority" NOT NULL DEFAULT 'medium',
    "due_date" TIMESTAMPTZ(3),
    "due_all_day" BOOLEAN NOT NULL DEFAULT false,
    "completed_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tags" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_tags" (
    "task_id" UUID NOT NULL,
    "tag_id" UUID NOT NULL,

    CONSTRAINT "task_tags_pkey" PRIMARY KEY ("task_id","tag_id")
);

-- CreateTable
CREATE TABLE "conversations" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL DEFAULT 'New chat',
    "status" "ConversationStatus" NOT NULL DEFAULT 'active',
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "message_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_message_at" TIMESTAMPTZ(3),

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "MessageRole" NOT NULL,
    "content" TEXT NOT NULL,
    "parts" JSONB NOT NULL DEFAULT '[]',
    "intent" VARCHAR(50),
    "entities" JSONB,
    "confidence" DECIMAL(5,4),
    "tool_calls" JSONB,
    "tool_results" JSONB,
    "metadata" JSONB,
    "feedback" "MessageFeedback",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_operation_logs" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "conversation_id" UUID,
    "message_id" UUID,
    "task_id" UUID,
    "operation" "Operation" NOT NULL,
    "source" "OperationSource" NOT NULL DEFAULT 'chat',
    "original_command" TEXT,
    "tool_call_id" VARCHAR(200),
    "input" JSONB NOT NULL DEFAULT '{}',
    "result" JSONB,
    "before" JSONB,
    "status" "OperationStatus" NOT NULL DEFAULT 'pending',
    "error" TEXT,
    "approval" "Approval",
    "undo_of_id" UUID,
    "duration_ms" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "task_operation_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMPTZ(3),

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "tasks_user_id_status_due_date_idx" ON "tasks"("user_id", "status", "due_date");

-- CreateIndex
CREATE INDEX "tasks_user_id_due_date_idx" ON "tasks"("user_id", "due_date");

-- CreateIndex
CREATE INDEX "tasks_user_id_priority_idx" ON "tasks"("user_id", "priority");

-- CreateIndex
CREATE UNIQUE INDEX "tasks_user_id_number_key" ON "tasks"("user_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "tags_user_id_name_key" ON "tags"("user_id", "name");

-- CreateIndex
CREATE INDEX "task_tags_tag_id_idx" ON "task_tags"("tag_id");

-- CreateIndex
CREATE INDEX "conversations_user_id_updated_at_idx" ON "conversations"("user_id", "updated_at" DESC);

-- CreateIndex
CREATE INDEX "conversations_user_id_status_updated_at_idx" ON "conversations"("user_id", "status", "updated_at" DESC);

-- CreateIndex
CREATE INDEX "messages_conversation_id_created_at_idx" ON "messages"("conversation_id", "created_at");

-- CreateIndex
CREATE INDEX "messages_user_id_idx" ON "messages"("user_id");

-- CreateIndex
CREATE INDEX "messages_intent_idx" ON "messages"("intent");

-- CreateIndex
CREATE UNIQUE INDEX "task_operation_logs_tool_call_id_key" ON "task_operation_logs"("tool_call_id");

-- CreateIndex
CREATE INDEX "task_operation_logs_user_id_created_at_idx" ON "task_operation_logs"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "task_operation_logs_task_id_idx" ON "task_operation_logs"("task_id");

-- CreateIndex
CREATE INDEX "task_operation_logs_operation_idx" ON "task_operation_logs"("operation");

-- CreateIndex
CREATE INDEX "task_operation_logs_status_idx" ON "task_operation_logs"("status");

-- CreateIndex
CREATE INDEX "task_operation_logs_created_at_id_idx" ON "task_operation_logs"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "task_operation_logs_conversation_id_idx" ON "task_operation_logs"("conversation_id");

-- CreateIndex
CREATE INDEX "task_operation_logs_message_id_idx" ON "task_operation_logs"("message_id");

-- CreateIndex
CREATE INDEX "task_operation_logs_undo_of_id_idx" ON "task_operation_logs"("undo_of_id");

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tags" ADD CONSTRAINT "tags_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_tags" ADD CONSTRAINT "task_tags_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_tags" ADD CONSTRAINT "task_tags_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_operation_logs" ADD CONSTRAINT "task_operation_logs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_operation_logs" ADD CONSTRAINT "task_operation_logs_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_operation_logs" ADD CONSTRAINT "task_operation_logs_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_operation_logs" ADD CONSTRAINT "task_operation_logs_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_operation_logs" ADD CONSTRAINT "task_operation_logs_undo_of_id_fkey" FOREIGN KEY ("undo_of_id") REFERENCES "task_operation_logs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Row constraints Prisma's schema language cannot express (Prisma does not diff CHECK
-- constraints, so they cause no drift). Keep them in sync with the app's validation.

-- AddCheckConstraint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_title_check" CHECK (char_length("title") BETWEEN 1 AND 200 AND btrim("title") <> '');

-- AddCheckConstraint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_number_check" CHECK ("number" >= 1);

-- AddCheckConstraint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_title_check" CHECK (char_length("title") <= 200);

-- AddCheckConstraint
ALTER TABLE "users" ADD CONSTRAINT "users_email_check" CHECK ("email" = lower("email"));

-- AddCheckConstraint
ALTER TABLE "task_operation_logs" ADD CONSTRAINT "task_operation_logs_duration_ms_check" CHECK ("duration_ms" >= 0);

-- AddCheckConstraint
ALTER TABLE "messages" ADD CONSTRAINT "messages_confidence_check" CHECK ("confidence" BETWEEN 0 AND 1);

-- AddCheckConstraint
ALTER TABLE "tags" ADD CONSTRAINT "tags_name_check" CHECK (btrim("name") <> '');
