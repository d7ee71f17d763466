-- Reminder and e-mail settings per user (/settings). The CHECKs hold what the form offers.

-- CreateTable
CREATE TABLE "user_settings" (
    "user_id" UUID NOT NULL,
    "time_zone" VARCHAR(64),
    "reminder_lead_minutes" INTEGER NOT NULL DEFAULT 0,
    "all_day_hour" SMALLINT NOT NULL DEFAULT 9,
    "email_reminders" BOOLEAN NOT NULL DEFAULT true,
    "digest_enabled" BOOLEAN NOT NULL DEFAULT false,
    "digest_hour" SMALLINT NOT NULL DEFAULT 8,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_settings_pkey" PRIMARY KEY ("user_id")
);

-- AddForeignKey
ALTER TABLE "user_settings" ADD CONSTRAINT "user_settings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Values the settings form offers; anything else is a bug, not a setting.
ALTER TABLE "user_settings" ADD CONSTRAINT "user_settings_reminder_lead_minutes_check" CHECK ("reminder_lead_minutes" IN (0, 5, 15, 30, 60, 1440));
ALTER TABLE "user_settings" ADD CONSTRAINT "user_settings_all_day_hour_check" CHECK ("all_day_hour" BETWEEN 0 AND 23);
ALTER TABLE "user_settings" ADD CONSTRAINT "user_settings_digest_hour_check" CHECK ("digest_hour" BETWEEN 0 AND 23);
