import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';
import { migrationsDir } from '../paths';
import { AppError } from '../ipc/errors';
import { runAfterMigrate, tableNames } from './upgrades';

export type Db = BetterSQLite3Database<typeof schema>;
export interface Database_ { sqlite: Database.Database; db: Db; file: string }
export type DbHandle = Database_;

export const DB_FILE_NAME = 'dibao.db';

/** Number of migrations this build knows; stored in PRAGMA user_version after migrating. */
export function knownSchemaVersion(dir = migrationsDir()): number {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8'));
  return journal.entries.length;
}

export interface OpenOptions { beforeMigrate?: (file: string, fromVersion: number) => void }

/**
 * Opens (or creates) the database in dataDir with WAL, foreign keys and a busy timeout,
 * refuses a database written by a newer app version, then applies pending migrations.
 */
export function openDatabase(dataDir: string, opts: OpenOptions = {}): DbHandle {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DB_FILE_NAME);
  ownerOnly(file);
  const sqlite = openSqlite(file);
  try {
    const current = sqlite.pragma('user_version', { simple: true }) as number;
    const known = knownSchemaVersion();
    if (current > known) {
      throw new AppError('DB_TOO_NEW',
        `数据库由更新版本的程序创建（结构版本 ${current}，本程序只认识到 ${known}），为防止损坏已拒绝打开。请安装新版本程序。`,
        { file, current, known });
    }
    if (current < known) opts.beforeMigrate?.(file, current);
    const tablesBefore = tableNames(sqlite);
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: migrationsDir() });
    sqlite.pragma(`user_version = ${known}`);
    runAfterMigrate(sqlite, { tablesBefore, fromVersion: current });
    return { sqlite, db, file };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/**
 * The database holds every ID number and the township's private signing key: it is created 0600 (SQLite gives its
 * -wal and -shm files the same mode) and an older 0644 file is closed down. Errors are left to the open that follows
 * (a read-only folder, a file system without modes).
 */
function ownerOnly(file: string): void {
  try { fs.writeFileSync(file, '', { flag: 'wx', mode: 0o600 }); } catch { /* exists, or cannot be created here */ }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try { fs.chmodSync(f, 0o600); } catch { /* absent or not ours */ }
  }
}

function openSqlite(file: string): Database.Database {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
  } catch (e) {
    sqlite?.close(); // do not keep the file open (a read-only USB stick could not be ejected)
    throw new AppError('DB_OPEN_FAILED', `无法打开数据库文件 ${file}：${(e as Error).message}（请检查数据目录是否可写、磁盘是否已满）`, { file });
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}
