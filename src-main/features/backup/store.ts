import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../ipc/errors';
import type { DbHandle } from '../../db/connection';
import type { Logger } from '../../ipc/log';
import { archiveStoreEntries, manifestPathFor, readManifest, sha256File, writeJsonAtomic,
  type BackupKind, type BackupManifest } from './manifest';
import { setsToKeep } from './rotation';

export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');

/** Sets kept per kind besides the daily rotation; manual sets are never deleted automatically. */
const KEEP_LATEST: Partial<Record<BackupKind, number>> = { 'pre-migrate': 5, 'pre-restore': 5 };
const SET_NAME = /^(\d{4}-\d{2}-\d{2})T(\d{6})-(daily|pre-migrate|pre-restore|manual)\.db$/;
export const SET_NAME_PATTERN = SET_NAME;

const pad = (n: number) => String(n).padStart(2, '0');
/** Local calendar day and time: "the first start of a day" is the office's day, not UTC's. */
export const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localStamp = (d: Date) => `${localDay(d)}T${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

export interface SetInfo {
  name: string; file: string; kind: BackupKind; day: string; at: string;
  /** Its manifest file exists; a set without one is incomplete (a kill during backup). */
  complete: boolean;
  readonly manifest: BackupManifest | null;
}

/**
 * Backup sets in a folder, newest first. Each manifest is read only when asked for: it lists every archive
 * store file (megabytes with tens of thousands of scans), and the start-up check and rotation need none of them.
 */
export function listSets(dir: string): SetInfo[] {
  if (!fs.existsSync(dir)) return [];
  const sets: SetInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = SET_NAME.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    let manifest: BackupManifest | null | undefined;
    sets.push({ name, file, kind: m[3] as BackupKind, day: m[1], at: `${m[1]}T${m[2]}`, complete: fs.existsSync(manifestPathFor(file)),
      get manifest() { return manifest === undefined ? (manifest = readManifest(file)) : manifest; } });
  }
  return sets.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.name.localeCompare(a.name)));
}

/** A free set file name in dir for this moment and kind. */
export function newSetFile(dir: string, kind: BackupKind, now = new Date()): string {
  fs.mkdirSync(dir, { recursive: true });
  const at = new Date(now);
  let file = path.join(dir, `${localStamp(at)}-${kind}.db`);
  while (fs.existsSync(file)) { at.setSeconds(at.getSeconds() + 1); file = path.join(dir, `${localStamp(at)}-${kind}.db`); }
  return file;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Copies a database synchronously with VACUUM INTO: a consistent snapshot in one statement, usable in the
 * pre-migration hook and at start-up, where nothing may run before the copy is complete.
 */
export function snapshotSync(source: Database.Database, destFile: string): void {
  const tmp = `${destFile}.partial`;
  fs.rmSync(tmp, { force: true });
  fs.writeFileSync(tmp, '', { mode: PRIVATE_FILE }); // SQLite keeps an existing file's mode; never 0644 even for a moment
  try {
    source.exec(`VACUUM INTO ${sqlString(tmp)}`);
    fs.chmodSync(tmp, PRIVATE_FILE);
    fs.renameSync(tmp, destFile);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Backups hold every ID number and bank account: readable by the office's own account only. */
export const PRIVATE_FILE = 0o600;

/**
 * A copy that leaves the PC (USB stick, another disk) carries no private signing key: whoever finds the stick
 * cannot sign packages as the township. secure_delete + VACUUM, so the key's bytes are not left in free pages.
 * The chain key (audit_chain_key) stays, so the copy's audit trail can still be checked anywhere.
 */
export function stripPrivateKey(dbFile: string): void {
  const copy = new Database(dbFile);
  try {
    copy.pragma('secure_delete = ON');
    copy.prepare("DELETE FROM settings WHERE key = 'signing.privateKeyPem'").run();
    copy.exec('VACUUM');
    copy.pragma('journal_mode = DELETE');
  } finally { copy.close(); }
}

/** A failed backup in plain words: full disk, a folder that cannot be written (read-only, pulled USB stick). */
export function backupFailed(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = String((e as { code?: string })?.code ?? '');
  const why = code === 'ENOSPC' || code.startsWith('SQLITE_FULL') ? '磁盘空间不足，请清理后重试'
    : ['EROFS', 'EACCES', 'EPERM', 'ENOENT'].includes(code) || /^SQLITE_(READONLY|CANTOPEN|IOERR)/.test(code)
      ? '备份文件夹不可写（只读、无权限或U盘已拔出）' : (e as Error)?.message ?? String(e);
  return new AppError('BACKUP_FAILED', `备份失败，未生成备份（当前数据未受影响）：${why}`, { cause: code });
}

/** Copies a live database with the SQLite online backup API, in steps, so the window stays responsive. */
export async function snapshotAsync(source: Database.Database, destFile: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  const tmp = `${destFile}.partial`;
  fs.rmSync(tmp, { force: true });
  fs.writeFileSync(tmp, '', { mode: PRIVATE_FILE });
  try {
    await source.backup(tmp, { progress: ({ totalPages, remainingPages }) => { onProgress?.(totalPages - remainingPages, totalPages); return 200; } });
    fs.chmodSync(tmp, PRIVATE_FILE);
    const copy = new Database(tmp);
    try { copy.pragma('journal_mode = DELETE'); } finally { copy.close(); }
    fs.renameSync(tmp, destFile);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes the manifest of a finished copy; the set counts as complete only once this file exists. */
export function writeManifest(dbFile: string, kind: BackupKind, dataDir: string, copiedArchive = false): BackupManifest {
  const manifest = buildManifest(dbFile, kind, dataDir, copiedArchive);
  writeJsonAtomic(manifestPathFor(dbFile), manifest);
  return manifest;
}

/** The manifest of a finished copy, not written yet; `fileName` is the set's name when the copy is still a temp file (worker). */
export function buildManifest(dbFile: string, kind: BackupKind, dataDir: string, copiedArchive = false, fileName = path.basename(dbFile)): BackupManifest {
  const copy = new Database(dbFile, { readonly: true });
  let schemaVersion: number; let audit: BackupManifest['audit']; let privateKeyIncluded: boolean;
  try {
    schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    const head = copy.prepare('SELECT COUNT(*) AS n, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS h FROM audit_log').get() as { n: number; h: string | null };
    audit = { rows: head.n, headHash: head.h };
    privateKeyIncluded = !!copy.prepare("SELECT 1 FROM settings WHERE key = 'signing.privateKeyPem'").get();
  } finally { copy.close(); }
  const files = archiveStoreEntries(dataDir);
  const manifest: BackupManifest = {
    format: 'dibao-backup/1', kind, createdAt: new Date().toISOString(), schemaVersion,
    db: { file: fileName, size: fs.statSync(dbFile).size, sha256: sha256File(dbFile) },
    audit, privateKeyIncluded, archiveStore: { files, totalBytes: files.reduce((s, f) => s + f.size, 0), copied: copiedArchive },
  };
  return manifest;
}

function removeSet(file: string) {
  fs.rmSync(file, { force: true });
  fs.rmSync(manifestPathFor(file), { force: true });
}

/** Applies the rotation in a backups folder; also clears leftovers of killed backups older than an hour. */
export function rotate(dir: string, now = new Date()): string[] {
  const removed: string[] = [];
  const sets = listSets(dir);
  const daily = sets.filter((s) => s.kind === 'daily' && s.complete);
  const keep = setsToKeep(daily);
  for (const s of daily) if (!keep.has(s.name)) { removeSet(s.file); removed.push(s.name); }
  for (const [kind, n] of Object.entries(KEEP_LATEST)) {
    for (const s of sets.filter((x) => x.kind === kind && x.complete).slice(n)) { removeSet(s.file); removed.push(s.name); }
  }
  const hourAgo = now.getTime() - 3_600_000;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const stale = fs.statSync(file).mtimeMs < hourAgo;
    const orphan = SET_NAME.test(name) && !fs.existsSync(manifestPathFor(file));
    const workerTemp = name.startsWith('.job-') && name.endsWith('.part'); // a worker copy killed with the app
    if (stale && (name.endsWith('.partial') || workerTemp || orphan)) { fs.rmSync(file, { force: true }); removed.push(name); }
  }
  return removed;
}

/** Makes a complete set (copy + manifest) synchronously in dataDir/backups and rotates. */
export function backupSync(source: Database.Database, dataDir: string, kind: BackupKind, now = new Date()): SetInfo {
  const dir = backupsDir(dataDir);
  const file = newSetFile(dir, kind, now);
  snapshotSync(source, file);
  const manifest = writeManifest(file, kind, dataDir);
  rotate(dir, now);
  const name = path.basename(file);
  return { name, file, kind, day: localDay(now), at: name.slice(0, 17), complete: true, manifest };
}

/** Before first-run setup there are no users and nothing to save. */
const isEmpty = (sqlite: Database.Database) =>
  !(sqlite.prepare('SELECT 1 FROM users LIMIT 1').get());

/**
 * The automatic backup at the first start of a day. A fresh, empty database is not worth a copy.
 * A failure (full disk, read-only folder) is logged and start-up continues: the office must still work.
 */
export function dailyBackupIfDue(handle: DbHandle, dataDir: string, log?: Logger, now = new Date()): SetInfo | null {
  try {
    const today = localDay(now);
    if (listSets(backupsDir(dataDir)).some((s) => s.kind === 'daily' && s.day === today && s.complete)) return null;
    if (isEmpty(handle.sqlite)) return null;
    const set = backupSync(handle.sqlite, dataDir, 'daily', now);
    log?.info(`daily backup ${set.name}`);
    return set;
  } catch (e) {
    log?.error('backup.daily', e);
    return null;
  }
}

/**
 * The hook openDatabase calls before migrating an existing database (fromVersion > 0). Unlike the daily
 * backup this one is mandatory: without a copy the migration does not run.
 */
export function backupBeforeMigrate(file: string, fromVersion: number): void {
  if (fromVersion === 0) return;
  const source = new Database(file, { readonly: true });
  try {
    backupSync(source, path.dirname(file), 'pre-migrate');
  } catch (e) {
    throw new AppError('BACKUP_FAILED', `升级数据库结构前的自动备份失败，为安全起见未升级。${backupFailed(e).message}`);
  } finally {
    source.close();
  }
}
