CREATE TABLE `county_packages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`division_code` text NOT NULL,
	`township_name` text NOT NULL,
	`period` text NOT NULL,
	`sequence` integer NOT NULL,
	`manifest_sha256` text NOT NULL,
	`manifest_json` text NOT NULL,
	`stats_json` text NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `county_packages_seq_uq` ON `county_packages` (`division_code`,`sequence`);--> statement-breakpoint
CREATE INDEX `county_packages_period_idx` ON `county_packages` (`period`,`division_code`);--> statement-breakpoint
CREATE TABLE `county_persons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`package_id` integer NOT NULL,
	`division_code` text NOT NULL,
	`period` text NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`village` text DEFAULT '' NOT NULL,
	`head_name` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`package_id`) REFERENCES `county_packages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `county_persons_id_idx` ON `county_persons` (`id_number`);--> statement-breakpoint
CREATE INDEX `county_persons_package_idx` ON `county_persons` (`package_id`);--> statement-breakpoint
CREATE TABLE `county_townships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`division_code` text NOT NULL,
	`name` text NOT NULL,
	`public_key_pem` text NOT NULL,
	`key_fingerprint` text NOT NULL,
	`registered_at` text NOT NULL,
	`registered_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `county_townships_code_uq` ON `county_townships` (`division_code`);--> statement-breakpoint
CREATE TABLE `exchange_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period` text NOT NULL,
	`sequence` integer NOT NULL,
	`folder_name` text NOT NULL,
	`destination` text NOT NULL,
	`manifest_sha256` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_exports_seq_uq` ON `exchange_exports` (`sequence`);