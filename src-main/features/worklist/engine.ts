import type { HandlerContext } from '../../ipc/contract';
import type { Role } from '../../ipc/permissions';

/**
 * The 首页 worklist engine. It knows nothing of features: each feature writes a WorklistSource (what is due,
 * for whom, where to click) and adds it to the list in ./registry.ts. The engine sorts items into
 * 逾期 / 今天 / 本周 / 待处理 and counts them per village.
 */

/** One thing someone has to do. `due` is an ISO date; null = no deadline, but it waits (a pending decision). */
export interface WorklistItem {
  /** Stable key for React and tests: '<source>:<record id>'. */
  key: string;
  /** Chinese kind shown as the row's tag: '办理时限', '复核逾期', '疑点待核' … */
  kind: string;
  /** Chinese one-liner: '张三户 · 初审 (受理后 20 个工作日)'. */
  title: string;
  due: string | null;
  /** True when the due date was counted across a year without an official holiday calendar (shown 未核定). */
  dueUnverified?: boolean;
  /** Those years, for the tooltip. */
  unverifiedYears?: number[];
  villageId: number | null;
  village: string | null;
  /** The roles the item waits for (the first one is shown). */
  waitsFor: Role[];
  /** Renderer hash route, e.g. '/applications/12'. */
  link: string;
  /** A decision someone must make: listed (as 待处理) even when its deadline is after this week. */
  pending?: boolean;
}

/** A count of data-health findings (invariant violations, missing archive items …), shown as a badge with a link. */
export interface HealthCount { key: string; label: string; count: number; link: string }

export interface WorklistContext { ctx: HandlerContext; today: string; weekEnd: string }

export interface WorklistSource {
  /** Unique id, e.g. 'applications.deadlines'. */
  id: string;
  /** Chinese name of the source, listed on 首页 when it fails. */
  label: string;
  items?(w: WorklistContext): WorklistItem[];
  health?(w: WorklistContext): HealthCount[];
}

export type Bucket = 'overdue' | 'today' | 'week' | 'open';
export const BUCKET_LABELS: Record<Bucket, string> = { overdue: '已逾期', today: '今天到期', week: '本周到期', open: '待处理' };

/** Which bucket an item goes in; items due after this week are left out (they are not today's work). */
export function bucketOf(due: string | null, today: string, weekEnd: string): Bucket | null {
  if (due === null) return 'open';
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  return due <= weekEnd ? 'week' : null;
}

export interface WorklistResult {
  today: string;
  weekEnd: string;
  items: (WorklistItem & { bucket: Bucket })[];
  health: HealthCount[];
  /** Sources that threw: their label and message, so a broken source is visible and the rest still shows. */
  failed: { id: string; label: string; message: string }[];
}

/** Runs every source; one failing source is reported, never hides the others. */
export function collectWorklist(sources: readonly WorklistSource[], w: WorklistContext): WorklistResult {
  const items: WorklistResult['items'] = [];
  const health: HealthCount[] = [];
  const failed: WorklistResult['failed'] = [];
  for (const s of sources) {
    try {
      for (const it of s.items?.(w) ?? []) {
        const bucket = bucketOf(it.due, w.today, w.weekEnd) ?? (it.pending ? 'open' : null);
        if (bucket) items.push({ ...it, bucket });
      }
      health.push(...(s.health?.(w) ?? []));
    } catch (e) {
      failed.push({ id: s.id, label: s.label, message: e instanceof Error ? e.message : String(e) });
    }
  }
  const order: Bucket[] = ['overdue', 'today', 'week', 'open'];
  items.sort((a, b) => order.indexOf(a.bucket) - order.indexOf(b.bucket) || (a.due ?? '9').localeCompare(b.due ?? '9'));
  return { today: w.today, weekEnd: w.weekEnd, items, health, failed };
}
