-- SQLite adds a NOT NULL column only with a default; every insert names it, the default only lets
-- the column reach the rows already there, which take the resident's current name.
ALTER TABLE `enrolments` ADD `name` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `enrolments` SET `name` = (SELECT `name` FROM `residents` WHERE `residents`.`id` = `enrolments`.`resident_id`);
