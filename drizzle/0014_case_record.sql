CREATE TABLE `case_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`kind` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`trigger` text NOT NULL,
	`trigger_date` text NOT NULL,
	`due_date` text NOT NULL,
	`before_fen` integer NOT NULL,
	`after_fen` integer NOT NULL,
	`calculation` text,
	`closed_by` text,
	`closed_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_tasks_household_idx` ON `case_tasks` (`household_id`,`state`);--> statement-breakpoint
ALTER TABLE `benefit_changes` ADD `calc_fen` integer;--> statement-breakpoint
ALTER TABLE `benefit_changes` ADD `covered_count` integer;