CREATE INDEX `rooms_created_idx` ON `rooms` (`created_at`);--> statement-breakpoint
CREATE INDEX `terms_status_starts_idx` ON `terms` (`status`,`starts_on`);