PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`subject_type` text,
	`subject_id` text,
	`resident_id` text,
	`ip` text,
	`detail` text
);
--> statement-breakpoint
INSERT INTO `__new_audit_log`("id", "at", "actor_type", "actor_id", "action", "subject_type", "subject_id", "resident_id", "ip", "detail") SELECT "id", "at", "actor_type", "actor_id", "action", "subject_type", "subject_id", "resident_id", "ip", "detail" FROM `audit_log`;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_resident_idx` ON `audit_log` (`resident_id`);