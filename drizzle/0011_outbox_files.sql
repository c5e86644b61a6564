CREATE TABLE `outbox_files` (
	`name` text PRIMARY KEY NOT NULL,
	`permission` text NOT NULL,
	`inline` integer DEFAULT false NOT NULL,
	`channel` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
