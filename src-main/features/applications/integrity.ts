import type Database from 'better-sqlite3';
import type { HandlerContext } from '../../ipc/contract';
import { householdState } from './household';

/**
 * 诚信: a false declaration may be re-submitted once; the second blocks new applications from the household
 * for one year from that second record (seed 004, domain.md §10).
 */
export function recordFalseDeclaration(ctx: HandlerContext, i: { householdId: number; applicationId?: number | null; date: string; note: string }) {
  householdState(ctx.sqlite, i.householdId);
  const id = Number(ctx.sqlite.prepare(`INSERT INTO integrity_records (household_id, application_id, date, kind, note, username, display_name, created_at)
    VALUES (?, ?, ?, '虚假申报', ?, ?, ?, ?)`).run(i.householdId, i.applicationId ?? null, i.date, i.note, ctx.actor.username,
    ctx.actor.displayName, new Date().toISOString()).lastInsertRowid);
  ctx.audit({ entity: 'integrity_record', entityId: id, after: i });
  return { id, blockedUntil: blockedUntil(ctx.sqlite, i.householdId) };
}

export function integrityRecords(sqlite: Database.Database, householdId: number) {
  return sqlite.prepare(`SELECT id, application_id AS applicationId, date, kind, note, display_name AS recordedBy FROM integrity_records
    WHERE household_id = ? ORDER BY date, id`).all(householdId) as { id: number; applicationId: number | null; date: string; kind: string; note: string; recordedBy: string }[];
}

/** The day new applications are allowed again, or null when the household is not blocked. */
export function blockedUntil(sqlite: Database.Database, householdId: number): string | null {
  const records = integrityRecords(sqlite, householdId);
  if (records.length < 2) return null;
  const last = records.at(-1)!.date;
  return `${Number(last.slice(0, 4)) + 1}${last.slice(4)}`;
}
