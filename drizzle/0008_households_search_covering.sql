CREATE INDEX `members_name_hh_idx` ON `members` (`name`,`household_id`);--> statement-breakpoint
CREATE INDEX `members_pinyin_hh_idx` ON `members` (`pinyin_initials`,`household_id`);--> statement-breakpoint
CREATE INDEX `members_pinyin_full_hh_idx` ON `members` (`pinyin_full`,`household_id`);--> statement-breakpoint
CREATE INDEX `members_id_last4_hh_idx` ON `members` (substr("id_number", -4),`household_id`);--> statement-breakpoint
CREATE INDEX `members_id_last6_hh_idx` ON `members` (substr("id_number", -6),`household_id`);