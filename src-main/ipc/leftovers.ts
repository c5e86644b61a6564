import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { inboxDir, outboxDir } from './files';

/** What start-up found of writes a crash or a kill interrupted; counts and sizes only (names can hold a person's name). */
export interface LeftoverReport { partialRemoved: number; unrecordedRemoved: number; bytesRemoved: number; inboxKept: number }

/** A file younger than this may belong to a job still running in another process on the same data dir (the CLI). */
const SETTLE_MS = 10 * 60_000;
const PARTIAL = /^\.(job|upload)-[0-9a-f]+.*\.part$/;

/**
 * Removes what interrupted writes left, at start-up: half-written uploads and job temp files (`.upload-….part`,
 * `.job-….part`, in inbox and outbox: they hold ID numbers and are never read), and outbox files without an
 * outbox_files record (never served, e.g. a write the record rolled back, or files from before the record existed).
 * Complete uploads stay: a scan may be referenced by a record; they are counted so the log says how many there are.
 */
export function cleanLeftovers(sqlite: Database.Database, dataDir: string, now = Date.now()): LeftoverReport {
  const r: LeftoverReport = { partialRemoved: 0, unrecordedRemoved: 0, bytesRemoved: 0, inboxKept: 0 };
  const recorded = new Set(sqlite.prepare('SELECT name FROM outbox_files').pluck().all() as string[]);
  for (const [dir, isOutbox] of [[inboxDir(dataDir), false], [outboxDir(dataDir), true]] as const) {
    for (const name of safeList(dir)) {
      const file = path.join(dir, name);
      const st = fs.lstatSync(file, { throwIfNoEntry: false });
      if (!st?.isFile()) continue;
      const settled = now - st.mtimeMs > SETTLE_MS;
      if (PARTIAL.test(name)) {
        if (settled && remove(file)) { r.partialRemoved++; r.bytesRemoved += st.size; }
      } else if (isOutbox && !recorded.has(name)) {
        if (settled && remove(file)) { r.unrecordedRemoved++; r.bytesRemoved += st.size; }
      } else if (!isOutbox) r.inboxKept++;
    }
  }
  return r;
}

/** The log line: what was cleaned, in words, no file name. */
export const leftoverWords = (r: LeftoverReport) =>
  `启动时清理：删除中断写入的临时文件 ${r.partialRemoved} 个、输出目录中无登记的文件 ${r.unrecordedRemoved} 个，共 ${Math.ceil(r.bytesRemoved / 1024)} KB；上传目录保留已上传文件 ${r.inboxKept} 个`;

function safeList(dir: string): string[] {
  try { return fs.readdirSync(dir); } catch { return []; }
}

function remove(file: string): boolean {
  try { fs.rmSync(file); return true; } catch { return false; }
}
