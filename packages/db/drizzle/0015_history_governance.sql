CREATE TABLE `history_courses` (
	`id` text PRIMARY KEY NOT NULL,
	`term_key` text NOT NULL,
	`year` integer NOT NULL,
	`session` integer NOT NULL,
	`title` text NOT NULL,
	`instructor_name` text NOT NULL,
	`learners` integer NOT NULL,
	`meetings` integer,
	`attendances` integer,
	`completed` integer,
	`import_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `history_imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `history_courses_key_idx` ON `history_courses` (`term_key`,`title`,`instructor_name`);--> statement-breakpoint
CREATE INDEX `history_courses_year_idx` ON `history_courses` (`year`);--> statement-breakpoint
CREATE TABLE `history_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`imported_at` integer NOT NULL,
	`staff_id` text,
	`rows_added` integer NOT NULL,
	`rows_unchanged` integer NOT NULL,
	`sample` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `data_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`resident_id` text NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	`resolution` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `data_requests_reference_idx` ON `data_requests` (`reference`);--> statement-breakpoint
CREATE INDEX `data_requests_status_idx` ON `data_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `data_requests_resident_idx` ON `data_requests` (`resident_id`);--> statement-breakpoint
CREATE TABLE `retention_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer NOT NULL,
	`dry_run` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`policy` text NOT NULL,
	`counts` text NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `retention_runs_started_idx` ON `retention_runs` (`started_at`);--> statement-breakpoint
ALTER TABLE `residents` ADD `anonymized_at` integer;