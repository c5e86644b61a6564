import type Database from 'better-sqlite3';
import type { HandlerContext } from '../../ipc/contract';
import { localToday } from '../../domain/dates';
import type { CaseCheckResult } from '../caseRecord/check';
import { dataVersion } from './version';

export interface HealthResult extends CaseCheckResult { checkedAt: string; version: string; today: string }

/** The last 数据体检 of each open database (a restore opens a new connection: its cache starts empty). */
const last = new WeakMap<Database.Database, HealthResult>();

/** The last result and whether it still describes the data (same data version, same day: rules depend on today). */
export function lastHealth(sqlite: Database.Database, today = localToday()): { result: HealthResult | null; fresh: boolean } {
  const r = last.get(sqlite) ?? null;
  return { result: r, fresh: !!r && r.version === dataVersion(sqlite) && r.today === today };
}

/**
 * Runs the check in a worker unless the last result is still fresh (or `force`). The version is read before the
 * worker takes its snapshot: a write in between makes the stored result look older than it is, so the next look
 * checks again; a result is never taken for newer data than it saw.
 */
export async function checkHealth(ctx: HandlerContext, force: boolean): Promise<HealthResult & { fromCache: boolean }> {
  const today = localToday();
  const known = lastHealth(ctx.sqlite, today);
  if (known.fresh && !force) return { ...known.result!, fromCache: true };
  const version = dataVersion(ctx.sqlite);
  const r = await ctx.inWorker<CaseCheckResult>('health.caseCheck', { today });
  const result: HealthResult = { ...r, checkedAt: new Date().toISOString(), version, today };
  last.set(ctx.sqlite, result);
  return { ...result, fromCache: false };
}
