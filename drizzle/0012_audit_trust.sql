CREATE TABLE `audit_anchors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`ref` text NOT NULL,
	`rows` integer NOT NULL,
	`head_hash` text,
	`at` text NOT NULL,
	`mac` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_anchors_rows_idx` ON `audit_anchors` (`rows`);--> statement-breakpoint
CREATE TABLE `audit_chain_key` (
	`id` integer PRIMARY KEY NOT NULL,
	`key_hex` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `package_reservations` (
	`sequence` integer PRIMARY KEY NOT NULL,
	`period` text NOT NULL,
	`folder_name` text NOT NULL,
	`destination` text NOT NULL,
	`reserved_at` text NOT NULL,
	`state` text NOT NULL,
	`note` text
);
