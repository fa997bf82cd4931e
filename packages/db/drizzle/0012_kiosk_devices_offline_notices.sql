CREATE TABLE `notices` (
	`id` text PRIMARY KEY NOT NULL,
	`body_ko` text NOT NULL,
	`body_en` text DEFAULT '' NOT NULL,
	`show_from` text NOT NULL,
	`show_until` text NOT NULL,
	`created_by_staff_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notices_show_idx` ON `notices` (`show_until`,`show_from`);--> statement-breakpoint
ALTER TABLE `enrolments` ADD `kiosk_id` text REFERENCES kiosks(id);--> statement-breakpoint
ALTER TABLE `attendance` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `attendance` ADD `received_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_client_key_uq` ON `attendance` (`client_key`);--> statement-breakpoint
ALTER TABLE `kiosks` ADD `queue_length` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `kiosks` ADD `queue_reported_at` integer;