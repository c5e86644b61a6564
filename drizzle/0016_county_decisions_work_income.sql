CREATE TABLE `county_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`step_id` integer NOT NULL,
	`decider` text NOT NULL,
	`unit` text NOT NULL,
	`document_no` text NOT NULL,
	`decided_on` text NOT NULL,
	`entered_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`step_id`) REFERENCES `application_steps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `county_decisions_application_idx` ON `county_decisions` (`application_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `county_decisions_step_uq` ON `county_decisions` (`step_id`);--> statement-breakpoint
ALTER TABLE `benefit_changes` ADD `work_income_confirmed` integer;--> statement-breakpoint
ALTER TABLE `benefit_changes` ADD `work_income_note` text;