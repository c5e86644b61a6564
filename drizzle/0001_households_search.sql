ALTER TABLE `households` ADD `edge_family` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `households_category_idx` ON `households` (`category`);--> statement-breakpoint
CREATE INDEX `members_pinyin_full_idx` ON `members` (`pinyin_full`);--> statement-breakpoint
CREATE INDEX `members_id_last4_idx` ON `members` (substr("id_number", -4));--> statement-breakpoint
CREATE INDEX `members_id_last6_idx` ON `members` (substr("id_number", -6));