CREATE TABLE `application_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`author_type` text NOT NULL,
	`staff_id` text,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`to_applicant` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `instructor_applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_messages_application_idx` ON `application_messages` (`application_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`enrolment_id` text NOT NULL,
	`code` text NOT NULL,
	`issued_at` integer NOT NULL,
	`attendance_percent` integer NOT NULL,
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_enrolment_uq` ON `certificates` (`enrolment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_code_uq` ON `certificates` (`code`);--> statement-breakpoint
CREATE TABLE `class_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	`instructor_id` text NOT NULL,
	`body` text NOT NULL,
	`recipients` integer NOT NULL,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instructor_id`) REFERENCES `instructors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `class_messages_course_idx` ON `class_messages` (`course_id`,`sent_at`);--> statement-breakpoint
CREATE TABLE `teach_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`topic` text NOT NULL,
	`sent_at` integer NOT NULL,
	`staff_id` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teach_invitations_resident_topic_uq` ON `teach_invitations` (`resident_id`,`topic`);--> statement-breakpoint
CREATE TABLE `wishes` (
	`id` text PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`topic` text NOT NULL,
	`source` text NOT NULL,
	`locale` text NOT NULL,
	`created_at` integer NOT NULL,
	`hidden_at` integer
);
--> statement-breakpoint
CREATE INDEX `wishes_topic_idx` ON `wishes` (`topic`,`created_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`enrolment_id` text NOT NULL,
	`meeting_id` text NOT NULL,
	`checked_in_at` integer NOT NULL,
	`method` text NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	`kiosk_id` text,
	`client_key` text,
	`received_at` integer,
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kiosk_id`) REFERENCES `kiosks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attendance_method_ck" CHECK("__new_attendance"."method" in ('qr','keypad','phone','staff','instructor'))
);
--> statement-breakpoint
INSERT INTO `__new_attendance`("id", "enrolment_id", "meeting_id", "checked_in_at", "method", "late", "kiosk_id", "client_key", "received_at") SELECT "id", "enrolment_id", "meeting_id", "checked_in_at", "method", "late", "kiosk_id", "client_key", "received_at" FROM `attendance`;--> statement-breakpoint
DROP TABLE `attendance`;--> statement-breakpoint
ALTER TABLE `__new_attendance` RENAME TO `attendance`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_enrolment_meeting_uq` ON `attendance` (`enrolment_id`,`meeting_id`);--> statement-breakpoint
CREATE INDEX `attendance_meeting_idx` ON `attendance` (`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_client_key_uq` ON `attendance` (`client_key`);--> statement-breakpoint
CREATE TABLE `__new_instructor_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`term_id` text,
	`applicant_name` text DEFAULT '' NOT NULL,
	`locale` text DEFAULT 'ko' NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`teaches` text DEFAULT '' NOT NULL,
	`experience` text DEFAULT '' NOT NULL,
	`meeting_count` integer DEFAULT 6 NOT NULL,
	`preferred_weekday` integer,
	`preferred_start_time` text,
	`duration_minutes` integer DEFAULT 120 NOT NULL,
	`materials_fee_won` integer DEFAULT 0 NOT NULL,
	`capacity` integer DEFAULT 10 NOT NULL,
	`yongsan_confirmed` integer DEFAULT false NOT NULL,
	`exclusions_accepted_at` integer,
	`status` text DEFAULT 'submitted' NOT NULL,
	`submitted_at` integer NOT NULL,
	`updated_at` integer,
	`reviewed_by` text,
	`reviewed_at` integer,
	`review_note` text,
	`course_id` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`term_id`) REFERENCES `terms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "instructor_applications_status_ck" CHECK("__new_instructor_applications"."status" in ('submitted','changes_requested','accepted','rejected','withdrawn'))
);
--> statement-breakpoint
INSERT INTO `__new_instructor_applications`("id", "resident_id", "term_id", "title", "description", "status", "submitted_at", "reviewed_by", "reviewed_at", "review_note") SELECT "id", "resident_id", "term_id", "title", "description", "status", "submitted_at", "reviewed_by", "reviewed_at", "review_note" FROM `instructor_applications`;--> statement-breakpoint
DROP TABLE `instructor_applications`;--> statement-breakpoint
ALTER TABLE `__new_instructor_applications` RENAME TO `instructor_applications`;--> statement-breakpoint
CREATE INDEX `instructor_applications_status_idx` ON `instructor_applications` (`status`);--> statement-breakpoint
CREATE INDEX `instructor_applications_resident_idx` ON `instructor_applications` (`resident_id`);--> statement-breakpoint
ALTER TABLE `residents` ADD `teach_invites_opt_out_at` integer;