-- drizzle-kit would rebuild terms and courses for the new checks; SQLite takes a check on an added
-- column as it is, and a rebuild under a migration's transaction cannot turn foreign keys off.
-- The snapshot keeps the checks at table level, as the schema declares them.
CREATE TABLE `kiosk_pairing_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`kiosk_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_by_staff_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`kiosk_id`) REFERENCES `kiosks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kiosk_pairing_codes_code_hash_unique` ON `kiosk_pairing_codes` (`code_hash`);--> statement-breakpoint
CREATE INDEX `kiosk_pairing_codes_kiosk_idx` ON `kiosk_pairing_codes` (`kiosk_id`);--> statement-breakpoint
ALTER TABLE `terms` ADD `default_mode` text DEFAULT 'first_come' NOT NULL CONSTRAINT "terms_default_mode_ck" CHECK("default_mode" in ('first_come','lottery'));--> statement-breakpoint
ALTER TABLE `courses` ADD `materials_fee_won` integer CONSTRAINT "courses_fee_ck" CHECK("materials_fee_won" is null or "materials_fee_won" >= 0);--> statement-breakpoint
ALTER TABLE `courses` ADD `draft` integer DEFAULT false NOT NULL;
