import type Database from 'better-sqlite3';
import { getSetting, getTownship } from '../settings/store';

/** LOCAL choices for notices, kept as settings (keys notices.*). */
export interface NoticeSettings {
  /** 一公布: the township's complaint/supervision phone, printed on every notice (the only number a notice may carry). */
  complaintPhone: string;
  /** Who posts the notice and owns the seal, e.g. 青溪镇人民政府. */
  issuer: string;
  /** Whether the 类别 column is printed (category is optional on a notice). */
  showCategory: boolean;
  /** Length of a 公示 in days (2021办法: 7). */
  periodDays: number;
}

export const NOTICE_SETTING_KEYS = {
  complaintPhone: 'notices.complaintPhone', issuer: 'notices.issuer', showCategory: 'notices.showCategory', periodDays: 'notices.periodDays',
} as const;

export function noticeSettings(sqlite: Database.Database): NoticeSettings & { township: string; county: string } {
  const t = getTownship(sqlite);
  const township = t?.name ?? '';
  return {
    township, county: t?.county ?? '',
    complaintPhone: getSetting(sqlite, NOTICE_SETTING_KEYS.complaintPhone, ''),
    issuer: getSetting(sqlite, NOTICE_SETTING_KEYS.issuer, township ? `${township}人民政府` : ''),
    showCategory: getSetting(sqlite, NOTICE_SETTING_KEYS.showCategory, true),
    periodDays: getSetting(sqlite, NOTICE_SETTING_KEYS.periodDays, 7),
  };
}
