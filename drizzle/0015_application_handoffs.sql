CREATE TABLE `application_handoffs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`opinion` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`prepared_by_user_id` integer,
	`prepared_by` text NOT NULL,
	`prepared_at` text NOT NULL,
	`status` text DEFAULT '待审核' NOT NULL,
	`decided_by_user_id` integer,
	`decided_by` text,
	`decided_at` text,
	`note` text DEFAULT '' NOT NULL,
	`step_id` integer,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`step_id`) REFERENCES `application_steps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_handoffs_app_idx` ON `application_handoffs` (`application_id`);--> statement-breakpoint
CREATE INDEX `application_handoffs_status_idx` ON `application_handoffs` (`status`);