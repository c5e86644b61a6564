// Pure rules of the supervision feature: no I/O, tested in tests/unit/supervision-rules.test.ts.
import { seededRandom } from '../demo/random';

/** 近亲属 of the 2012办法 art. 14; the list in use is the setting supervision.relations (LOCAL additions). */
export const DEFAULT_RELATIONS = ['配偶', '父母', '子女', '兄弟姐妹', '祖父母', '外祖父母', '孙子女', '外孙子女'] as const;
export const RELATIONS_KEY = 'supervision.relations';
export const COMPLAINT_DAYS_KEY = 'supervision.complaintDays';
/** 信访工作条例 art. 35: a matter is handled within 60 days of acceptance. */
export const DEFAULT_COMPLAINT_DAYS = 60;

export const STAFF_KINDS = ['低保经办人员', '村(居)委会成员'] as const;
export const COMPLAINT_CHANNELS = ['电话', '来信', '来访', '网络', '上级转办'] as const;
export const SPOT_RESULTS = ['符合', '不符合', '待核查'] as const;
export const TASK_STATUSES = ['未开始', '进行中', '已完成'] as const;

export { localToday as todayIso } from '../../domain/dates';

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((t(toIso) - t(fromIso)) / 86_400_000);
}

/** Days past the deadline for an open complaint (0 when closed or not yet due). */
export function overdueDays(c: { deadline: string; closedDate: string | null }, today: string): number {
  if (c.closedDate) return 0;
  return Math.max(0, daysBetween(c.deadline, today));
}

/**
 * Draws a spot-check sample: a Fisher–Yates shuffle of the ascending population driven by the seeded
 * generator, first n taken. Same population + seed → same sample, so the county can redraw it.
 */
export function drawSample(population: readonly number[], seed: number, n: number): number[] {
  const xs = [...population].sort((a, b) => a - b);
  const rng = seededRandom(seed);
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs.slice(0, Math.min(n, xs.length));
}

/** A reporter's contact for lists: mobiles keep 3+4 digits, other numbers 2+2, anything else only its first character. */
export function maskContact(s: string): string {
  const t = s.trim();
  if (!t) return '';
  const phone = /^(1\d{2})\d{4}(\d{4})$/.exec(t);
  if (phone) return `${phone[1]}****${phone[2]}`;
  if (/^\d{7,}$/.test(t)) return `${t.slice(0, 2)}${'*'.repeat(t.length - 4)}${t.slice(-2)}`;
  return `${t[0]}${'*'.repeat(Math.min(6, t.length - 1))}`;
}
