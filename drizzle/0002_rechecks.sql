CREATE TABLE `campaign_households` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`village_id` integer NOT NULL,
	`amount_before_fen` integer NOT NULL,
	`suggested_flags` text DEFAULT '[]' NOT NULL,
	`flags` text DEFAULT '[]' NOT NULL,
	`visit_date` text,
	`findings` text DEFAULT '' NOT NULL,
	`check_result` text DEFAULT '' NOT NULL,
	`outcome` text,
	`reason` text DEFAULT '' NOT NULL,
	`new_amount_fen` integer,
	`checked_by` text DEFAULT '' NOT NULL,
	`checked_at` text,
	`decision_ref` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_household_uq` ON `campaign_households` (`campaign_id`,`household_id`);--> statement-breakpoint
CREATE INDEX `campaign_households_v_idx` ON `campaign_households` (`campaign_id`,`village_id`);--> statement-breakpoint
CREATE TABLE `campaign_phases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`name` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_phases_c_idx` ON `campaign_phases` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `campaign_signoffs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`village_id` integer NOT NULL,
	`returned_date` text NOT NULL,
	`scan_ref` text DEFAULT '' NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_signoff_uq` ON `campaign_signoffs` (`campaign_id`,`village_id`);--> statement-breakpoint
CREATE TABLE `campaign_team_seats` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`village_id` integer NOT NULL,
	`team_member_id` integer NOT NULL,
	`role` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_member_id`) REFERENCES `team_members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_team_seat_uq` ON `campaign_team_seats` (`campaign_id`,`village_id`,`team_member_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`basis` text DEFAULT '' NOT NULL,
	`scope_date` text NOT NULL,
	`scope_filter` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT '进行中' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `recheck_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`campaign_id` integer,
	`outcome` text NOT NULL,
	`findings` text DEFAULT '' NOT NULL,
	`checked_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recheck_records_hh_idx` ON `recheck_records` (`household_id`,`date`);--> statement-breakpoint
CREATE TABLE `recheck_triggers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`member_id` integer,
	`reason` text NOT NULL,
	`event_date` text NOT NULL,
	`due_date` text NOT NULL,
	`resolved_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recheck_triggers_hh_idx` ON `recheck_triggers` (`household_id`);--> statement-breakpoint
CREATE TABLE `suspect_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`county` text NOT NULL,
	`file_name` text NOT NULL,
	`headers` text NOT NULL,
	`mapping` text NOT NULL,
	`row_count` integer NOT NULL,
	`unmatched` text DEFAULT '[]' NOT NULL,
	`imported_by` text NOT NULL,
	`imported_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `suspect_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`row_no` integer NOT NULL,
	`raw` text NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`suspect_reason` text DEFAULT '' NOT NULL,
	`member_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`result` text,
	`action` text DEFAULT '' NOT NULL,
	`checker` text DEFAULT '' NOT NULL,
	`check_date` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `suspect_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `suspect_tasks_import_idx` ON `suspect_tasks` (`import_id`);--> statement-breakpoint
CREATE INDEX `suspect_tasks_hh_idx` ON `suspect_tasks` (`household_id`);--> statement-breakpoint
CREATE TABLE `team_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`village_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
