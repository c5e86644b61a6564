CREATE TABLE `notice_objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`posting_id` integer NOT NULL,
	`household_id` integer,
	`received_at` text NOT NULL,
	`via` text DEFAULT '来访' NOT NULL,
	`complainant` text DEFAULT '' NOT NULL,
	`content` text NOT NULL,
	`handling` text DEFAULT '' NOT NULL,
	`result` text,
	`handled_at` text,
	`handled_by` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`posting_id`) REFERENCES `notice_postings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_objections_posting_idx` ON `notice_objections` (`posting_id`);--> statement-breakpoint
CREATE TABLE `notice_posting_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`posting_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`head_name` text NOT NULL,
	`family_size` integer NOT NULL,
	`covered_size` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`category` text NOT NULL,
	`place` text NOT NULL,
	FOREIGN KEY (`posting_id`) REFERENCES `notice_postings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_items_posting_idx` ON `notice_posting_items` (`posting_id`);--> statement-breakpoint
CREATE INDEX `notice_items_household_idx` ON `notice_posting_items` (`household_id`);--> statement-breakpoint
CREATE TABLE `notice_postings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`village_id` integer,
	`group_id` integer,
	`period_start` text NOT NULL,
	`period_end` text,
	`posted_at` text NOT NULL,
	`place` text NOT NULL,
	`photo_sha256` text,
	`photo_ext` text,
	`photo_name` text,
	`printed_file` text,
	`note` text DEFAULT '' NOT NULL,
	`closed_at` text,
	`closed_note` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_postings_kind_idx` ON `notice_postings` (`kind`,`period_start`);--> statement-breakpoint
CREATE INDEX `notice_postings_village_idx` ON `notice_postings` (`village_id`);