DROP INDEX `members_name_idx`;--> statement-breakpoint
DROP INDEX `members_pinyin_idx`;--> statement-breakpoint
DROP INDEX `members_pinyin_full_idx`;--> statement-breakpoint
DROP INDEX `members_id_last4_idx`;--> statement-breakpoint
DROP INDEX `members_id_last6_idx`;