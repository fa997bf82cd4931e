CREATE TABLE `resident_sign_in_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`consumed_at` integer,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "resident_sign_in_codes_attempts_ck" CHECK("resident_sign_in_codes"."attempts" >= 0)
);
--> statement-breakpoint
CREATE INDEX `resident_sign_in_codes_resident_idx` ON `resident_sign_in_codes` (`resident_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `resident_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`ip` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `resident_sessions_resident_idx` ON `resident_sessions` (`resident_id`);--> statement-breakpoint
CREATE INDEX `resident_sessions_expires_idx` ON `resident_sessions` (`expires_at`);