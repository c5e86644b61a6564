CREATE TABLE `card_custody` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`member_id` integer,
	`bank_name` text DEFAULT '' NOT NULL,
	`holder_name` text NOT NULL,
	`holder_id_number` text DEFAULT '' NOT NULL,
	`holder_relation` text NOT NULL,
	`holder_is_staff` integer DEFAULT false NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`agreement_file` text,
	`filed_date` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `card_custody_household_idx` ON `card_custody` (`household_id`);--> statement-breakpoint
CREATE TABLE `complaint_households` (
	`complaint_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaint_households_uq` ON `complaint_households` (`complaint_id`,`household_id`);--> statement-breakpoint
CREATE INDEX `complaint_households_hh_idx` ON `complaint_households` (`household_id`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_date` text NOT NULL,
	`channel` text NOT NULL,
	`anonymous` integer DEFAULT false NOT NULL,
	`reporter_name` text DEFAULT '' NOT NULL,
	`reporter_contact` text DEFAULT '' NOT NULL,
	`content` text NOT NULL,
	`handler` text DEFAULT '' NOT NULL,
	`deadline` text NOT NULL,
	`steps` text DEFAULT '' NOT NULL,
	`result` text DEFAULT '' NOT NULL,
	`closed_date` text,
	`transferred_date` text,
	`transferred_to` text DEFAULT '' NOT NULL,
	`reply_date` text,
	`reply_content` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `complaints_received_idx` ON `complaints` (`received_date`);--> statement-breakpoint
CREATE INDEX `complaints_deadline_idx` ON `complaints` (`deadline`);--> statement-breakpoint
CREATE TABLE `governance_ledgers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `governance_ledgers_year_title_uq` ON `governance_ledgers` (`year`,`title`);--> statement-breakpoint
CREATE TABLE `governance_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ledger_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`section` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`deadline` text,
	`deadline_note` text DEFAULT '' NOT NULL,
	`responsible` text DEFAULT '' NOT NULL,
	`status` text DEFAULT '未开始' NOT NULL,
	`progress` text DEFAULT '' NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`evidence_files` text DEFAULT '[]' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`ledger_id`) REFERENCES `governance_ledgers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `governance_tasks_ledger_idx` ON `governance_tasks` (`ledger_id`);--> statement-breakpoint
CREATE TABLE `relative_matches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`relative_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`trigger` text NOT NULL,
	`matched_at` text NOT NULL,
	`filing_no` text DEFAULT '' NOT NULL,
	`filed_date` text,
	`county_visit_date` text,
	`county_visit_by` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`relative_id`) REFERENCES `staff_relatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `relative_matches_uq` ON `relative_matches` (`relative_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `relative_matches_member_idx` ON `relative_matches` (`member_id`);--> statement-breakpoint
CREATE TABLE `spot_check_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`spot_check_id` integer NOT NULL,
	`match_id` integer NOT NULL,
	`result` text DEFAULT '' NOT NULL,
	`checked_by` text DEFAULT '' NOT NULL,
	`checked_date` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`spot_check_id`) REFERENCES `spot_checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`match_id`) REFERENCES `relative_matches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `spot_check_items_check_idx` ON `spot_check_items` (`spot_check_id`);--> statement-breakpoint
CREATE TABLE `spot_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`seed` integer NOT NULL,
	`sample_size` integer NOT NULL,
	`population` text NOT NULL,
	`drawn` text NOT NULL,
	`drawn_by` text NOT NULL,
	`drawn_at` text NOT NULL,
	`note` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff_relatives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer NOT NULL,
	`name` text NOT NULL,
	`id_number` text NOT NULL,
	`relation` text NOT NULL,
	`declared_date` text NOT NULL,
	`removed_at` text,
	`removed_reason` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `supervised_staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_relatives_id_number_idx` ON `staff_relatives` (`id_number`);--> statement-breakpoint
CREATE INDEX `staff_relatives_staff_idx` ON `staff_relatives` (`staff_id`);--> statement-breakpoint
CREATE TABLE `supervised_staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`id_number` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`village_id` integer,
	`post` text DEFAULT '' NOT NULL,
	`term_start` text,
	`term_end` text,
	`active` integer DEFAULT true NOT NULL,
	`left_date` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `supervised_staff_id_number_idx` ON `supervised_staff` (`id_number`);