/**
 * When a household is due for its next recheck (复核). Pure: the caller supplies the facts and today's date.
 * 2021办法: stable families yearly; irregular income with members able to work every 6 months.
 * 2012办法 (older files, some counties still use it): 三无 yearly, stable half-yearly, variable income monthly
 * (urban) or quarterly (rural). Frequencies are a setting per class (LOCAL); these are the defaults.
 */

export const SCHEDULE_RULES = ['2021', '2012'] as const;
export type ScheduleRule = (typeof SCHEDULE_RULES)[number];

export const RECHECK_CLASSES = {
  '2021': ['收入稳定', '收入不固定'],
  '2012': ['三无', '收入稳定', '收入变动-城市', '收入变动-农村'],
} as const satisfies Record<ScheduleRule, readonly string[]>;
export type RecheckClass = (typeof RECHECK_CLASSES)[ScheduleRule][number];

export interface ScheduleSetting { rule: ScheduleRule; months: Record<ScheduleRule, Record<string, number>>; dueSoonDays: number }

export const DEFAULT_SCHEDULE: ScheduleSetting = {
  rule: '2021',
  months: {
    '2021': { 收入稳定: 12, 收入不固定: 6 },
    '2012': { 三无: 12, 收入稳定: 6, '收入变动-城市': 1, '收入变动-农村': 3 },
  },
  dueSoonDays: 30,
};

/** A death in the family: recheck within this many months (2021办法 dynamic management). */
export const DEATH_RECHECK_MONTHS = 3;

export interface ScheduleMember { birthDate: string; labourCapacity: string; state: string }
export interface ScheduleHousehold {
  category: string;
  members: ScheduleMember[];
  /** Counted monthly household income in fen. */
  incomeFen: number;
}

const WORKING_AGE = [16, 59] as const;

function ageOn(birthDate: string, on: string): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  const [ty, tm, td] = on.split('-').map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

/** A living member of working age who can work: the family's income is not fixed (收入来源不固定、有劳动能力). */
export function hasAbleWorker(h: ScheduleHousehold, today: string): boolean {
  return h.members.some((m) => m.state === '在户' && m.labourCapacity === '有'
    && ageOn(m.birthDate, today) >= WORKING_AGE[0] && ageOn(m.birthDate, today) <= WORKING_AGE[1]);
}

/** 三无: no one able to work, no income (特困 households are 三无 by definition). */
function isSanwu(h: ScheduleHousehold): boolean {
  if (h.category.startsWith('特困')) return true;
  const living = h.members.filter((m) => m.state === '在户');
  return h.incomeFen === 0 && living.every((m) => m.labourCapacity === '完全丧失' || m.labourCapacity === '无');
}

export function classify(h: ScheduleHousehold, rule: ScheduleRule, today: string): RecheckClass {
  const irregular = hasAbleWorker(h, today);
  if (rule === '2021') return irregular ? '收入不固定' : '收入稳定';
  if (isSanwu(h)) return '三无';
  if (!irregular) return '收入稳定';
  return h.category.startsWith('城市') ? '收入变动-城市' : '收入变动-农村';
}

export function monthsFor(setting: ScheduleSetting, cls: RecheckClass): number {
  return setting.months[setting.rule]?.[cls] ?? DEFAULT_SCHEDULE.months[setting.rule][cls] ?? 12;
}

/** ISO date plus n months; the day is clamped to the month's end (01-31 + 1 month = 02-28/29). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(iso: string, n: number): string {
  const t = new Date(`${iso}T00:00:00Z`).getTime() + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export type DueState = '已逾期' | '即将到期' | '未到期';

export interface DueInput {
  cls: RecheckClass;
  /** Date of the last recheck, or when cover started (first day of the start month). */
  lastDate: string;
  /** Open triggers (a death) with their own due date. */
  triggers: { reason: string; dueDate: string }[];
}

export interface DueResult { dueDate: string; reason: string; state: DueState; daysLeft: number }

/** The earliest of the regular due date and any open trigger decides. */
export function nextDue(setting: ScheduleSetting, input: DueInput, today: string): DueResult {
  const months = monthsFor(setting, input.cls);
  let dueDate = addMonths(input.lastDate, months);
  let reason = `定期复核（${input.cls}，每 ${months} 个月）`;
  for (const t of input.triggers) {
    if (t.dueDate < dueDate) { dueDate = t.dueDate; reason = t.reason; }
  }
  const daysLeft = Math.round((Date.parse(dueDate) - Date.parse(today)) / 86_400_000);
  const state: DueState = daysLeft < 0 ? '已逾期' : daysLeft <= setting.dueSoonDays ? '即将到期' : '未到期';
  return { dueDate, reason, state, daysLeft };
}

/** A death triggers a family recheck due within 3 months of the death date. */
export const deathRecheckDue = (deathDate: string) => addMonths(deathDate, DEATH_RECHECK_MONTHS);
