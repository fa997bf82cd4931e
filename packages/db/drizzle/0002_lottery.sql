CREATE TABLE `lottery_draws` (
	`id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	`seed` text NOT NULL,
	`seats` integer NOT NULL,
	`applicants` text NOT NULL,
	`entries` text NOT NULL,
	`winners` text NOT NULL,
	`waitlist` text NOT NULL,
	`drawn_at` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lottery_draws_course_id_unique` ON `lottery_draws` (`course_id`);--> statement-breakpoint
ALTER TABLE `courses` ADD `onsite_seats` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `courses` ADD `lottery_priority_newcomers` integer DEFAULT false NOT NULL;