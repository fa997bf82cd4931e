CREATE TABLE `meeting_reminders` (
	`meeting_id` text NOT NULL,
	`enrolment_id` text NOT NULL,
	`queued_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `enrolment_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolments`(`id`) ON UPDATE no action ON DELETE no action
);
