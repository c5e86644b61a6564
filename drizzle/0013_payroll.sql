CREATE TABLE `payroll_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period` text NOT NULL,
	`household_id` integer NOT NULL,
	`kind` text NOT NULL,
	`for_month` text NOT NULL,
	`before_fen` integer NOT NULL,
	`after_fen` integer NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	`label` text NOT NULL,
	`decision_ref` text DEFAULT '' NOT NULL,
	`decision_label` text DEFAULT '' NOT NULL,
	`decision_date` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payroll_changes_period_idx` ON `payroll_changes` (`period`);--> statement-breakpoint
CREATE INDEX `payroll_changes_hh_idx` ON `payroll_changes` (`household_id`,`for_month`);--> statement-breakpoint
CREATE TABLE `payroll_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period` text NOT NULL,
	`seq` integer NOT NULL,
	`household_id` integer,
	`village` text NOT NULL,
	`grp` text DEFAULT '' NOT NULL,
	`head_name` text NOT NULL,
	`head_id` text DEFAULT '' NOT NULL,
	`certificate_no` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`cause` text DEFAULT '' NOT NULL,
	`family` integer DEFAULT 0 NOT NULL,
	`covered` integer NOT NULL,
	`status` text NOT NULL,
	`start_month` text DEFAULT '' NOT NULL,
	`base_fen` integer NOT NULL,
	`top_up_fen` integer NOT NULL,
	`bank_name` text DEFAULT '' NOT NULL,
	`bank_account` text DEFAULT '' NOT NULL,
	`decision_ref` text DEFAULT '' NOT NULL,
	`decision_label` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payroll_lines_period_hh_uq` ON `payroll_lines` (`period`,`seq`);--> statement-breakpoint
CREATE INDEX `payroll_lines_hh_idx` ON `payroll_lines` (`household_id`,`period`);--> statement-breakpoint
CREATE TABLE `payroll_months` (
	`period` text PRIMARY KEY NOT NULL,
	`source` text DEFAULT '计算' NOT NULL,
	`closed_on` text NOT NULL,
	`closed_by` text NOT NULL,
	`closed_by_name` text NOT NULL,
	`households` integer NOT NULL,
	`persons` integer NOT NULL,
	`base_fen` integer NOT NULL,
	`top_up_fen` integer NOT NULL,
	`adjust_fen` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`digest` text NOT NULL,
	`stats_json` text DEFAULT '{}' NOT NULL,
	`exported_at` text,
	`closed_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `payroll_persons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period` text NOT NULL,
	`line_seq` integer NOT NULL,
	`name` text NOT NULL,
	`id_number` text NOT NULL,
	`relation` text DEFAULT '' NOT NULL,
	`sex` text DEFAULT '' NOT NULL,
	`birth_date` text DEFAULT '' NOT NULL,
	`health` text DEFAULT '' NOT NULL,
	`disability` text DEFAULT '' NOT NULL,
	`disability_grade` integer,
	`labour` text DEFAULT '' NOT NULL,
	`covered` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payroll_persons_period_idx` ON `payroll_persons` (`period`,`line_seq`);--> statement-breakpoint
CREATE TABLE `payroll_reopens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period` text NOT NULL,
	`reason` text NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`previous_total_fen` integer NOT NULL,
	`previous_digest` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stats_entries` (
	`period` text NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stats_entries_uq` ON `stats_entries` (`period`,`key`);