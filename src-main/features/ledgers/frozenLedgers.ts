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
