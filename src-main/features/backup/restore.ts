import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME, openDatabase, type DbHandle } from '../../db/connection';
import type { Actor } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { appendAudit } from '../audit/chain';
import { backupBeforeMigrate, backupSync, backupsDir, localDay } from './store';
import { verifyBackupFile, type VerifyReport } from './verify';
import { checkCandidate } from './candidate';
import { getTownship, type Township } from '../settings/store';

export interface RestoreResult {
  restoredFrom: string; safetyCopy: string | null; auditRows: number; schemaVersion: number;
  /** The backup had no private key and this PC none of the same pair: a new key was made; register it with the county. */
  newSigningKey: boolean;
  /** The administrator's override: anchors given up by restoring an older backup, with the reason (null: none). */
  anchorLoss: { reason: string; abandoned: string[] } | null;
}

/** The folder a backup is staged, migrated and checked in before it may replace anything. */
export const STAGING = 'restore-incoming';

export interface RestoreOptions {
  dataDir: string; source: string; live?: DbHandle; actor: Actor; channel: string; label?: string;
  /** The file comes without its manifest (an uploaded .db): restore on the database checks alone, and say so. */
  withoutManifest?: boolean;
  /**
   * An administrator restores a backup older than a head that already left (a package, a USB backup) and accepts
   * the loss, with a reason: recorded in the restored database and the audit trail, explained by `cli check`.
   */
  acceptAnchorLoss?: { reason: string };
}

/** Said when only the anchors stand in the way, so the administrator knows the override exists and what it costs. */
export const ANCHOR_OVERRIDE_HINT = '如确需恢复这份较旧的备份（例如最新数据已损坏），管理员可填写理由后选择“接受审计链回退”再恢复'
  + '（命令行：restore 文件 --accept-anchor-loss "理由"）；此后的报送包记录的审计记录会比县里已收到的少，须向县民政局说明';

/**
 * Restores a backup over the data dir's database:
 *  1. copy it into a staging folder and verify that copy (manifest hash, integrity, this program's and this
 *     township's database, keyed audit chain);
 *  2. open the copy there with the migrations and check it against every anchor the office knows (the newest
 *     package or backup head): a database shorter than that or different before it is refused;
 *  3. keep a safety copy of the current database in backups/ (nothing is lost even if the wrong set was chosen);
 *  4. close the live connection, drop its -wal/-shm, rename the checked file over it (an atomic step);
 *  5. reopen — into the same handle object when the app is running — and audit.
 * A kill at any moment leaves either the old or the restored database, never a mix.
 */
export function restoreDatabase(opts: RestoreOptions): RestoreResult {
  const { dataDir, source, live } = opts;
  if (opts.acceptAnchorLoss && opts.acceptAnchorLoss.reason.trim().length < 4) {
    throw new AppError('VALIDATION', '接受审计链回退须写明理由（至少 4 个字），理由会记入审计记录');
  }
  if (opts.acceptAnchorLoss && opts.actor.role !== 'admin') throw new AppError('FORBIDDEN', '只有管理员可以接受审计链回退');
  const staging = path.join(dataDir, STAGING);
  const incoming = path.join(staging, DB_FILE_NAME);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    copyWithWal(source, incoming);
    const liveDb = live?.sqlite ?? openLiveReadonly(dataDir);
    let cand;
    try {
      const report = verifyBackupFile(incoming, source, { withoutManifest: opts.withoutManifest, township: liveDb ? townshipOf(liveDb) : null });
      if (!report.ok) throw invalidBackup(report);
      consolidate(incoming);
      const loss = opts.acceptAnchorLoss ? { reason: opts.acceptAnchorLoss.reason, by: opts.actor.username, restoredFrom: opts.label ?? path.basename(source) } : null;
      cand = checkCandidate(staging, liveDb, dataDir, loss);
      if (cand.problems.length) throw invalidBackup({ ...report, ok: false, problems: cand.anchorsOnly ? [...cand.problems, ANCHOR_OVERRIDE_HINT] : cand.problems });
    } finally {
      if (!live) liveDb?.close();
    }
    const safetyCopy = keepSafetyCopy(dataDir, live);
    const dbFile = path.join(dataDir, DB_FILE_NAME);
    if (live) closeCleanly(live.sqlite);
    for (const ext of ['-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
    fs.renameSync(incoming, dbFile);
    fs.chmodSync(dbFile, 0o600);
    const fresh = openDatabase(dataDir, { beforeMigrate: backupBeforeMigrate });
    if (live) Object.assign(live, fresh);
    const label = opts.label ?? path.basename(source);
    const anchorLoss = opts.acceptAnchorLoss && cand.waived.length
      ? { reason: opts.acceptAnchorLoss!.reason, abandoned: cand.waived.map((w) => w.anchor.ref) } : null;
    try {
      fresh.sqlite.transaction(() => appendAudit(fresh.sqlite, opts.actor, opts.channel, {
        entity: 'database', entityId: null, after: { restoredFrom: label, safetyCopy, auditRows: cand.auditRows,
          withoutManifest: !!opts.withoutManifest, newSigningKey: cand.newSigningKey, ...(anchorLoss ? { anchorLoss } : {}) },
      }))();
    } finally {
      if (!live) fresh.sqlite.close();
    }
    return { restoredFrom: label, safetyCopy, auditRows: cand.auditRows, schemaVersion: cand.schemaVersion, newSigningKey: cand.newSigningKey, anchorLoss };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function openLiveReadonly(dataDir: string): Database.Database | null {
  const file = path.join(dataDir, DB_FILE_NAME);
  if (!fs.existsSync(file)) return null;
  try { return new Database(file, { readonly: true, fileMustExist: true }); } catch { return null; }
}

const townshipOf = (db: Database.Database): Township | null => {
  try { return getTownship(db); } catch { return null; }
};

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
