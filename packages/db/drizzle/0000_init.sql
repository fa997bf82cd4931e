CREATE TABLE `rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`venue_id` text NOT NULL,
	`name_ko` text NOT NULL,
	`name_en` text NOT NULL,
	`seats` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rooms_venue_idx` ON `rooms` (`venue_id`);--> statement-breakpoint
CREATE TABLE `venues` (
	`id` text PRIMARY KEY NOT NULL,
	`name_ko` text NOT NULL,
	`name_en` text NOT NULL,
	`address_ko` text,
	`address_en` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `terms` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name_ko` text NOT NULL,
	`name_en` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`registration_opens_at` integer NOT NULL,
	`registration_closes_at` integer NOT NULL,
	`onsite_opens_at` integer,
	`onsite_closes_at` integer,
	`per_resident_limit` integer,
	`no_show_bar_percent` integer,
	`completion_percent` integer DEFAULT 80 NOT NULL,
	`status` text DEFAULT 'published' NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "terms_dates_ck" CHECK("terms"."starts_on" <= "terms"."ends_on"),
	CONSTRAINT "terms_window_ck" CHECK("terms"."registration_opens_at" < "terms"."registration_closes_at"),
	CONSTRAINT "terms_status_ck" CHECK("terms"."status" in ('draft','published','archived'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `terms_slug_unique` ON `terms` (`slug`);--> statement-breakpoint
CREATE TABLE `instructors` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text,
	`display_name` text NOT NULL,
	`bio_ko` text,
	`bio_en` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `residents` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`phone_e164` text NOT NULL,
	`consented_at` integer NOT NULL,
	`consent_version` text NOT NULL,
	`retain_until` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `residents_phone_e164_unique` ON `residents` (`phone_e164`);--> statement-breakpoint
CREATE INDEX `residents_retain_idx` ON `residents` (`retain_until`);--> statement-breakpoint
CREATE TABLE `courses` (
	`id` text PRIMARY KEY NOT NULL,
	`term_id` text NOT NULL,
	`instructor_id` text,
	`room_id` text NOT NULL,
	`title_ko` text NOT NULL,
	`title_en` text NOT NULL,
	`summary_ko` text NOT NULL,
	`summary_en` text NOT NULL,
	`description_ko` text NOT NULL,
	`description_en` text NOT NULL,
	`materials_note_ko` text,
	`materials_note_en` text,
	`capacity` integer NOT NULL,
	`min_learners` integer DEFAULT 5 NOT NULL,
	`mode` text DEFAULT 'first_come' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`term_id`) REFERENCES `terms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instructor_id`) REFERENCES `instructors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "courses_capacity_ck" CHECK("courses"."capacity" between 1 and 200),
	CONSTRAINT "courses_min_ck" CHECK("courses"."min_learners" >= 0),
	CONSTRAINT "courses_mode_ck" CHECK("courses"."mode" in ('first_come','lottery')),
	CONSTRAINT "courses_status_ck" CHECK("courses"."status" in ('open','cancelled'))
);
--> statement-breakpoint
CREATE INDEX `courses_term_idx` ON `courses` (`term_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	`room_id` text NOT NULL,
	`seq` integer NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_time_ck" CHECK("meetings"."start_time" < "meetings"."end_time"),
	CONSTRAINT "meetings_status_ck" CHECK("meetings"."status" in ('scheduled','cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_course_seq_uq` ON `meetings` (`course_id`,`seq`);--> statement-breakpoint
CREATE INDEX `meetings_room_date_idx` ON `meetings` (`room_id`,`date`);--> statement-breakpoint
CREATE INDEX `meetings_date_idx` ON `meetings` (`date`);--> statement-breakpoint
CREATE TABLE `enrolments` (
	`id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`status` text NOT NULL,
	`channel` text NOT NULL,
	`code` text NOT NULL,
	`queue_no` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "enrolments_status_ck" CHECK("enrolments"."status" in ('confirmed','waitlisted','lottery_pending','cancelled')),
	CONSTRAINT "enrolments_channel_ck" CHECK("enrolments"."channel" in ('web','kiosk','staff'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrolments_code_unique` ON `enrolments` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `enrolments_live_uq` ON `enrolments` (`course_id`,`resident_id`) WHERE "enrolments"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX `enrolments_course_status_idx` ON `enrolments` (`course_id`,`status`,`queue_no`);--> statement-breakpoint
CREATE INDEX `enrolments_resident_idx` ON `enrolments` (`resident_id`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`enrolment_id` text NOT NULL,
	`meeting_id` text NOT NULL,
	`checked_in_at` integer NOT NULL,
	`method` text NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	`kiosk_id` text,
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kiosk_id`) REFERENCES `kiosks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attendance_method_ck" CHECK("attendance"."method" in ('qr','keypad','phone','staff'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_enrolment_meeting_uq` ON `attendance` (`enrolment_id`,`meeting_id`);--> statement-breakpoint
CREATE INDEX `attendance_meeting_idx` ON `attendance` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `instructor_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`term_id` text,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`submitted_at` integer NOT NULL,
	`reviewed_by` text,
	`reviewed_at` integer,
	`review_note` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`term_id`) REFERENCES `terms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "instructor_applications_status_ck" CHECK("instructor_applications"."status" in ('submitted','accepted','rejected','withdrawn'))
);
--> statement-breakpoint
CREATE INDEX `instructor_applications_status_idx` ON `instructor_applications` (`status`);--> statement-breakpoint
CREATE TABLE `kiosks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`room_id` text,
	`token_hash` text,
	`enabled_plugins` text DEFAULT '["checkin"]' NOT NULL,
	`paired_at` integer,
	`revoked_at` integer,
	`last_seen_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kiosks_token_hash_unique` ON `kiosks` (`token_hash`);--> statement-breakpoint
CREATE TABLE `staff_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_sessions_user_idx` ON `staff_sessions` (`staff_user_id`);--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	CONSTRAINT "staff_users_role_ck" CHECK("staff_users"."role" in ('admin','staff','viewer'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_email_unique` ON `staff_users` (`email`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
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
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_resident_idx` ON `audit_log` (`resident_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`template` text NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`locale` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`sent_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	CONSTRAINT "outbox_status_ck" CHECK("outbox"."status" in ('pending','sent','failed'))
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);