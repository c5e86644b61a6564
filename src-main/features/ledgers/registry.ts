import type Database from 'better-sqlite3';
import { getTownship, type Township } from '../settings/store';
import { AppError } from '../../ipc/errors';
import type { LedgerColumn, LedgerRow, LedgerSheet } from './xlsx';
import { rosterLedger } from './roster';
import { featureLedgers } from './featureLedgers';
import { frozenWhenClosed } from './frozenLedgers';
import { periodLabel } from './period';

/** What a ledger's rows() may know: the month it is for and the township. */
export interface LedgerContext { period: string; township: Township }

/**
 * One ledger = one xlsx file. A feature adds its ledger with one entry in `ledgers` below:
 *   { name: 'complaints', title: '信访举报台账', columns: [...], rows: (sqlite, c) => ..., tables: ['complaints'] }
 * rows() returns an Iterable; for big tables return a generator that reads page by page (see roster.ts), so the
 * database connection is not held busy while the file streams out.
 */
export interface LedgerDef {
  /** File-safe id, also the CLI/channel key. */
  name: string;
  /** Chinese title: the file name and the title row. */
  title: string;
  columns: LedgerColumn[];
  rows(sqlite: Database.Database, c: LedgerContext): Iterable<LedgerRow>;
  /** Further sheets in the same workbook (the roster's member sheet). */
  moreSheets?(sqlite: Database.Database, c: LedgerContext): LedgerSheet[];
  /** Tables the ledger reads; while one is missing the ledger is listed as unavailable and left out of packages. */
  tables: string[];
}

/** The township every ledger, statistic and package is titled with; refused before initialization. */
export function requireTownship(sqlite: Database.Database): Township {
  const t = getTownship(sqlite);
  if (!t) throw new AppError('NOT_INITIALIZED', '本工作站尚未完成初始化');
  return t;
}

/** The roster reads the month's payroll; the other ledgers read what was frozen at 锁定 once the month is closed. */
export const ledgers: LedgerDef[] = [rosterLedger, ...featureLedgers.map(frozenWhenClosed)];

export function findLedger(name: string): LedgerDef | undefined {
  return ledgers.find((l) => l.name === name);
}

export function tableExists(sqlite: Database.Database, name: string): boolean {
  return !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

export const ledgerAvailable = (sqlite: Database.Database, l: LedgerDef) => l.tables.every((t) => tableExists(sqlite, t));

/** The sheets of one ledger's workbook, titled with the township and month. */
export function ledgerSheets(sqlite: Database.Database, l: LedgerDef, c: LedgerContext): LedgerSheet[] {
  const title = `${c.township.name}${l.title}（${periodLabel(c.period)}）`;
  return [{ name: l.title.slice(0, 31), title, columns: l.columns, rows: l.rows(sqlite, c) }, ...(l.moreSheets?.(sqlite, c) ?? [])];
}
