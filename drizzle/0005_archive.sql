CREATE TABLE `archive_bag_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bag_id` integer NOT NULL,
	`from_location` text NOT NULL,
	`to_location` text NOT NULL,
	`date` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`operator` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`bag_id`) REFERENCES `archive_bags`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `archive_bag_moves_bag_idx` ON `archive_bag_moves` (`bag_id`);--> statement-breakpoint
CREATE TABLE `archive_bags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`archive_no` text NOT NULL,
	`fonds_no` text NOT NULL,
	`year` integer NOT NULL,
	`retention_code` text NOT NULL,
	`piece_no` integer NOT NULL,
	`village_id` integer NOT NULL,
	`group_id` integer,
	`container_key` text NOT NULL,
	`cabinet_no` integer NOT NULL,
	`box_no` integer NOT NULL,
	`bag_no` integer NOT NULL,
	`location_code` text NOT NULL,
	`location_label` text NOT NULL,
	`status` text DEFAULT '在管' NOT NULL,
	`exited_at` text,
	`exit_status` text,
	`separate` integer DEFAULT false NOT NULL,
	`separate_reason` text DEFAULT '' NOT NULL,
	`remark` text DEFAULT '' NOT NULL,
	`filed_by` text DEFAULT '' NOT NULL,
	`checked_by` text DEFAULT '' NOT NULL,
	`remark_date` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `archive_bags_household_uq` ON `archive_bags` (`household_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `archive_bags_archive_no_uq` ON `archive_bags` (`archive_no`);--> statement-breakpoint
CREATE INDEX `archive_bags_container_idx` ON `archive_bags` (`container_key`,`bag_no`);--> statement-breakpoint
CREATE INDEX `archive_bags_status_idx` ON `archive_bags` (`status`);--> statement-breakpoint
CREATE TABLE `archive_borrowings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bag_id` integer NOT NULL,
	`borrower` text NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`borrowed_at` text NOT NULL,
	`due_date` text NOT NULL,
	`returned_at` text,
	`lent_by` text NOT NULL,
	`returned_to` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`bag_id`) REFERENCES `archive_bags`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `archive_borrowings_bag_idx` ON `archive_borrowings` (`bag_id`);--> statement-breakpoint
CREATE INDEX `archive_borrowings_open_idx` ON `archive_borrowings` (`returned_at`,`due_date`);--> statement-breakpoint
CREATE TABLE `archive_disposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bag_id` integer NOT NULL,
	`method` text NOT NULL,
	`approver` text NOT NULL,
	`approved_at` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`operator` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`bag_id`) REFERENCES `archive_bags`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `archive_disposals_bag_idx` ON `archive_disposals` (`bag_id`);--> statement-breakpoint
CREATE TABLE `archive_files` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`ext` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `archive_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bag_id` integer NOT NULL,
	`doc_type` text NOT NULL,
	`doc_no` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`responsible` text DEFAULT '' NOT NULL,
	`date` text NOT NULL,
	`pages` integer DEFAULT 1 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`file_sha256` text,
	`file_name` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '手工登记' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`removed_at` text,
	`removed_by` text,
	`removed_reason` text,
	FOREIGN KEY (`bag_id`) REFERENCES `archive_bags`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_sha256`) REFERENCES `archive_files`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `archive_items_bag_idx` ON `archive_items` (`bag_id`);--> statement-breakpoint
CREATE INDEX `archive_items_file_idx` ON `archive_items` (`file_sha256`);