import type Database from 'better-sqlite3';
import { z } from 'zod';
import { getSetting, getTownship } from '../settings/store';

/**
 * Document types of a household bag, in the order they are arranged in the bag (domain §9):
 * the 卷内目录 lists them in this order, then by date. Other features pass one of these to archive.fileOutbox.
 */
export const ARCHIVE_DOC_TYPES = ['审核确认表', '申请书', '授权书/诚信承诺', '入户调查表', '户口簿/身份证复印件', '收入证明',
  '残疾证/病历', '民主评议记录', '公示记录及照片', '近亲属备案表', '复核记录/签字表', '告知书', '其他'] as const;
export type ArchiveDocType = (typeof ARCHIVE_DOC_TYPES)[number];

/** 审批类 files are kept per household ≥ N years after exit; 日常管理类 like ordinary documents (5 years). */
export const docCategory = (t: string): '审批类' | '日常管理类' => (t === '复核记录/签字表' ? '日常管理类' : '审批类');

export const BAG_STATUSES = ['在管', '停保档案', '已处置'] as const;
export const DISPOSAL_METHODS = ['销毁', '移交档案馆'] as const;
export const RULE_SETS = ['2021办法', '2012办法'] as const;

/** Container levels: which region level each container stands for (seed 001 vs. the 一户一档 style). */
export const LEVEL_PRESETS = {
  'room-cabinet-box-bag': '一镇一室、一村一柜、一组一盒、一户一袋',
  'cabinet-box-bag': '一乡镇一柜、一村一盒、一户一档',
} as const;
export type LevelPreset = keyof typeof LEVEL_PRESETS;

export const archiveSettingsSchema = z.object({
  levels: z.enum(Object.keys(LEVEL_PRESETS) as [LevelPreset, ...LevelPreset[]]),
  fondsNo: z.string().trim().min(1, '请填写全宗号').max(20),
  archiveNoPattern: z.string().trim().max(80).refine((p) => p.includes('{件号}'), '档号格式必须含 {件号}'),
  retentionCode: z.string().trim().min(1).max(10),
  approvalYears: z.number().int().min(3, '审批类档案至少保存 3 年').max(100),
  dailyYears: z.number().int().min(5, '日常管理类档案至少保存 5 年').max(100),
  ruleSet: z.enum(RULE_SETS),
  maxFileMB: z.number().int().min(1).max(60),
  borrowDays: z.number().int().min(1).max(365),
});
export type ArchiveSettings = z.output<typeof archiveSettingsSchema>;

/** Defaults: 档号 in the DA/T 13 style 全宗号-门类·年度-保管期限-件号 (门类 DB = 低保). */
export const DEFAULT_ARCHIVE_SETTINGS: ArchiveSettings = {
  levels: 'room-cabinet-box-bag', fondsNo: 'J001', archiveNoPattern: '{全宗号}-DB·{年度}-{保管期限}-{件号}',
  retentionCode: 'D10', approvalYears: 3, dailyYears: 5, ruleSet: '2021办法', maxFileMB: 20, borrowDays: 15,
};

export const ARCHIVE_SETTINGS_KEY = 'archive.settings';

export function archiveSettings(sqlite: Database.Database): ArchiveSettings {
  const stored = getSetting<Partial<ArchiveSettings>>(sqlite, ARCHIVE_SETTINGS_KEY, {});
  return { ...DEFAULT_ARCHIVE_SETTINGS, ...stored };
}

export const townshipName = (sqlite: Database.Database) => getTownship(sqlite)?.name ?? '';

export { localToday as todayIso } from '../../domain/dates';
