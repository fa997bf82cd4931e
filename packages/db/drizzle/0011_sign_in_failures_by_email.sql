CREATE TABLE `staff_sign_in_failures` (
	`email` text PRIMARY KEY NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
-- Failures and locks held by accounts carry over to their emails.
INSERT INTO `staff_sign_in_failures` (`email`, `failed_attempts`, `locked_until`, `updated_at`)
SELECT `email`, `failed_attempts`, `locked_until`, CAST(unixepoch('subsec') * 1000 AS integer)
FROM `staff_users` WHERE `failed_attempts` > 0 OR `locked_until` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `staff_users` DROP COLUMN `failed_attempts`;--> statement-breakpoint
ALTER TABLE `staff_users` DROP COLUMN `locked_until`;