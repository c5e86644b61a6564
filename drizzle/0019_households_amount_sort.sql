DROP INDEX `households_village_status_idx`;--> statement-breakpoint
CREATE INDEX `households_status_amount_idx` ON `households` (`status`,("monthly_amount_fen" + "top_up_fen"));--> statement-breakpoint
CREATE INDEX `households_village_status_amount_idx` ON `households` (`village_id`,`status`,("monthly_amount_fen" + "top_up_fen"));