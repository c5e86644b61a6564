ALTER TABLE `households` ADD `head_pinyin` text;--> statement-breakpoint
UPDATE `households` SET `head_pinyin` = (SELECT `pinyin_full` FROM `members` WHERE `members`.`id` = `households`.`head_member_id`);--> statement-breakpoint
CREATE INDEX `households_head_pinyin_idx` ON `households` (`head_pinyin`);--> statement-breakpoint
CREATE INDEX `households_status_head_idx` ON `households` (`status`,`head_pinyin`);--> statement-breakpoint
CREATE INDEX `households_village_status_idx` ON `households` (`village_id`,`status`);--> statement-breakpoint
-- head_pinyin is derived, never written by the app: these triggers keep it equal to the head's pinyin_full on every
-- write path (channels, roster import, demo, SQL). A direct write to head_pinyin is put back at once. Only primary-key
-- lookups, so a roster import that drops the lookup indexes for its bulk insert does not scan per row.
CREATE TRIGGER `households_head_pinyin_ins` AFTER INSERT ON `households` BEGIN
  UPDATE `households` SET `head_pinyin` = (SELECT `pinyin_full` FROM `members` WHERE `id` = NEW.`head_member_id`) WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `households_head_pinyin_upd` AFTER UPDATE OF `head_member_id`, `head_pinyin` ON `households` BEGIN
  UPDATE `households` SET `head_pinyin` = (SELECT `pinyin_full` FROM `members` WHERE `id` = NEW.`head_member_id`)
    WHERE `id` = NEW.`id` AND `head_pinyin` IS NOT (SELECT `pinyin_full` FROM `members` WHERE `id` = NEW.`head_member_id`);
END;--> statement-breakpoint
CREATE TRIGGER `members_head_pinyin_ins` AFTER INSERT ON `members` BEGIN
  UPDATE `households` SET `head_pinyin` = NEW.`pinyin_full` WHERE `id` = NEW.`household_id` AND `head_member_id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `members_head_pinyin_upd` AFTER UPDATE OF `pinyin_full`, `household_id` ON `members` BEGIN
  UPDATE `households` SET `head_pinyin` = (SELECT `pinyin_full` FROM `members` WHERE `id` = `households`.`head_member_id`)
    WHERE `id` IN (OLD.`household_id`, NEW.`household_id`) AND `head_member_id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `members_head_pinyin_del` AFTER DELETE ON `members` BEGIN
  UPDATE `households` SET `head_pinyin` = NULL WHERE `id` = OLD.`household_id` AND `head_member_id` = OLD.`id`;
END;
