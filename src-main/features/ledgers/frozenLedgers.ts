import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Township } from '../settings/store';
import type { LedgerDef } from './registry';
import type { LedgerRow } from './xlsx';
import { featureLedgers } from './featureLedgers';

type Sqlite = Database.Database;

const hasTables = (sqlite: Sqlite, l: LedgerDef) =>
  l.tables.every((t) => sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t));

/**
 * At 锁定 (and at a history import) every feature ledger of the month is written down as it stands, inside the
 * close's transaction: from then on the month's package shows that state, not today's records.
 */
export function freezeLedgers(sqlite: Sqlite, period: string, township: Township) {
  const put = sqlite.prepare('INSERT OR REPLACE INTO payroll_ledger_rows (period, ledger, rows_json, row_count) VALUES (?, ?, ?, ?)');
  for (const l of featureLedgers) {
    if (!hasTables(sqlite, l)) continue;
    const rows = [...l.rows(sqlite, { period, township })];
    put.run(period, l.name, JSON.stringify(rows), rows.length);
  }
}

/**
 * SHA-256 over what a closed month froze besides its payroll lines: every ledger's rows (by ledger name) and the
 * month's statistics. Recorded in the keyed audit row of the close, so rows edited behind the app are found by check.
 */
export function frozenLedgerDigest(sqlite: Sqlite, period: string): string {
  const h = crypto.createHash('sha256');
  const rows = sqlite.prepare('SELECT ledger, row_count, rows_json FROM payroll_ledger_rows WHERE period = ? ORDER BY ledger').all(period) as
    { ledger: string; row_count: number; rows_json: string }[];
  for (const r of rows) h.update(JSON.stringify([r.ledger, r.row_count, r.rows_json]));
  h.update(JSON.stringify(['统计', sqlite.prepare('SELECT stats_json FROM payroll_months WHERE period = ?').pluck().get(period) ?? null]));
  return h.digest('hex');
}

/** The rows frozen for a closed month, or null for an open month (or one closed before ledgers were frozen). */
export function frozenRows(sqlite: Sqlite, period: string, ledger: string): LedgerRow[] | null {
  const json = sqlite.prepare(`SELECT r.rows_json FROM payroll_ledger_rows r JOIN payroll_months m ON m.period = r.period
    WHERE r.period = ? AND r.ledger = ?`).pluck().get(period, ledger) as string | undefined;
  return json === undefined ? null : (JSON.parse(json) as LedgerRow[]);
}

/** A feature ledger that reads its frozen rows for a closed month and the live tables otherwise. */
export const frozenWhenClosed = (l: LedgerDef): LedgerDef => ({
  ...l, rows: (sqlite, c) => frozenRows(sqlite, c.period, l.name) ?? l.rows(sqlite, c),
});
