import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME, openDatabase, type DbHandle } from '../../db/connection';
import type { Actor } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { appendAudit } from '../audit/chain';
import { backupBeforeMigrate, backupSync, backupsDir, localDay } from './store';
import { verifyBackupFile, type VerifyReport } from './verify';

export interface RestoreResult { restoredFrom: string; safetyCopy: string | null; auditRows: number; schemaVersion: number }

export const INCOMING = 'restore-incoming.db';

/**
 * Restores a backup over the data dir's database:
 *  1. copy it to a new file next to the live one and verify that copy (manifest hash, integrity, audit chain);
 *  2. keep a safety copy of the current database in backups/ (nothing is lost even if the wrong set was chosen);
 *  3. close the live connection, drop its -wal/-shm, rename the verified file over it (an atomic step);
 *  4. reopen (migrating an older backup) — into the same handle object when the app is running — and audit.
 * A kill at any moment leaves either the old or the restored database, never a mix.
 */
export function restoreDatabase(opts: { dataDir: string; source: string; live?: DbHandle; actor: Actor; channel: string; label?: string }): RestoreResult {
  const { dataDir, source, live } = opts;
  const incoming = path.join(dataDir, INCOMING);
  copyWithWal(source, incoming);
  const report = verifyBackupFile(incoming, source);
  if (!report.ok) { removeWithWal(incoming); throw invalidBackup(report); }
  consolidate(incoming);
  const safetyCopy = keepSafetyCopy(dataDir, live);
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  if (live) closeCleanly(live.sqlite);
  for (const ext of ['-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
  fs.renameSync(incoming, dbFile);
  const fresh = openDatabase(dataDir, { beforeMigrate: backupBeforeMigrate });
  if (live) Object.assign(live, fresh);
  try {
    fresh.sqlite.transaction(() => appendAudit(fresh.sqlite, opts.actor, opts.channel, {
      entity: 'database', entityId: null, after: { restoredFrom: opts.label ?? path.basename(source), safetyCopy, auditRows: report.auditRows },
    }))();
  } finally {
    if (!live) fresh.sqlite.close();
  }
  return { restoredFrom: opts.label ?? path.basename(source), safetyCopy, auditRows: report.auditRows ?? 0, schemaVersion: report.schemaVersion ?? 0 };
}

export function invalidBackup(report: VerifyReport): AppError {
  return new AppError('BACKUP_INVALID', `备份校验未通过，未恢复，当前数据未改动：${report.problems.join('；')}`, report);
}

function copyWithWal(from: string, to: string) {
  removeWithWal(to);
  if (!fs.existsSync(from)) throw new AppError('NOT_FOUND', '备份文件不存在');
  fs.copyFileSync(from, to);
  if (fs.existsSync(`${from}-wal`)) fs.copyFileSync(`${from}-wal`, `${to}-wal`);
}

function removeWithWal(file: string) {
  for (const ext of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + ext, { force: true });
}

/** Folds a copied -wal into the file itself, so the rename moves one self-contained file. */
function consolidate(file: string) {
  const db = new Database(file);
  try { db.pragma('journal_mode = DELETE'); } finally { db.close(); }
}

function closeCleanly(sqlite: Database.Database) {
  try { sqlite.pragma('wal_checkpoint(TRUNCATE)'); } catch { /* the close below checkpoints too */ }
  sqlite.close();
}

/** A copy of what is about to be replaced; a damaged live database is kept byte for byte. */
function keepSafetyCopy(dataDir: string, live?: DbHandle): string | null {
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  if (!fs.existsSync(dbFile)) return null;
  try {
    if (live) return backupSync(live.sqlite, dataDir, 'pre-restore').name;
    const src = new Database(dbFile, { readonly: true });
    try { return backupSync(src, dataDir, 'pre-restore').name; } finally { src.close(); }
  } catch {
    const dest = path.join(backupsDir(dataDir), `${localDay(new Date())}-${Date.now()}-damaged.db`);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(dbFile, dest);
    if (fs.existsSync(`${dbFile}-wal`)) fs.copyFileSync(`${dbFile}-wal`, `${dest}-wal`);
    return path.basename(dest);
  }
}
