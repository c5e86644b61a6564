CREATE TABLE `application_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`stage_after` text NOT NULL,
	`opinion` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`user_id` integer,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_steps_app_idx` ON `application_steps` (`application_id`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`kind` text DEFAULT '新申请' NOT NULL,
	`rule_set` text NOT NULL,
	`stage` text NOT NULL,
	`applied_on` text NOT NULL,
	`applicant_name` text NOT NULL,
	`entrusted` integer DEFAULT false NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`delegated` integer DEFAULT false NOT NULL,
	`special` integer DEFAULT false NOT NULL,
	`near_relative` integer DEFAULT false NOT NULL,
	`near_relative_note` text DEFAULT '' NOT NULL,
	`county_visit_required` integer DEFAULT false NOT NULL,
	`amount_fen` integer,
	`top_up_fen` integer,
	`calculation` text,
	`start_month` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `applications_household_idx` ON `applications` (`household_id`);--> statement-breakpoint
CREATE INDEX `applications_stage_idx` ON `applications` (`stage`);--> statement-breakpoint
CREATE TABLE `benefit_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`decision` text NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`source_ref` text DEFAULT '' NOT NULL,
	`date` text NOT NULL,
	`effective_month` text NOT NULL,
	`reason` text NOT NULL,
	`before_status` text NOT NULL,
	`after_status` text NOT NULL,
	`before_amount_fen` integer NOT NULL,
	`after_amount_fen` integer NOT NULL,
	`before_top_up_fen` integer DEFAULT 0 NOT NULL,
	`after_top_up_fen` integer DEFAULT 0 NOT NULL,
	`phase_out_end_month` text,
	`user_id` integer,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `benefit_changes_household_idx` ON `benefit_changes` (`household_id`);--> statement-breakpoint
CREATE TABLE `integrity_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`application_id` integer,
	`date` text NOT NULL,
	`kind` text DEFAULT '虚假申报' NOT NULL,
	`note` text NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `integrity_household_idx` ON `integrity_records` (`household_id`);