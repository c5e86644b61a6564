import fs from 'node:fs';
import Database from 'better-sqlite3';
import { workerJobs, type WorkerJobContext } from '../../jobs/contract';
import { AppError } from '../../ipc/errors';
import { buildManifest, PRIVATE_FILE, stripPrivateKey } from './store';
import { copyArchiveStore } from './manual';
import type { BackupManifest } from './manifest';

export interface CopiedInWorker { tempFile: string; copied: number; manifest: BackupManifest }

const stopIfCancelled = (ctx: WorkerJobContext) => { if (ctx.cancelled()) throw new AppError('CANCELLED', '已取消备份，没有生成备份'); };

/**
 * 立即备份 runs in a worker: copying the database page by page, stripping the signing key (VACUUM of the copy),
 * copying the archive scans and hashing the copy take seconds on a big township. The worker reads its snapshot and
 * writes only a temp file (deleted by the engine on cancel or failure); the main process renames it to `name`,
 * writes the manifest (a set counts only with it) and the audit row.
 */
export const backupJobs = workerJobs({
  'backup.copy': async (ctx, i: { dir: string; name: string; external: boolean; withArchive: boolean }): Promise<CopiedInWorker> => {
    const tempFile = ctx.tempFile(i.dir, '.db');
    await copyDatabase(ctx, tempFile);
    stopIfCancelled(ctx);
    if (i.external) {
      ctx.progress({ done: 0, total: 0, message: '正在去除签名私钥（U盘上的副本不带私钥）…' });
      stripPrivateKey(tempFile);
    }
    const copied = i.withArchive ? copyArchiveStore(ctx.dataDir, i.dir, (done, total) => {
      stopIfCancelled(ctx);
      ctx.progress({ done, total, message: `正在复制档案库文件：第 ${done} 个 / 共 ${total} 个` });
    }) : 0;
    stopIfCancelled(ctx);
    ctx.progress({ done: 0, total: 0, message: '正在计算备份校验值…' });
    return { tempFile, copied, manifest: buildManifest(tempFile, 'manual', ctx.dataDir, i.withArchive, i.name) };
  },
});

/** The SQLite online backup API from the worker's read-only snapshot, 200 pages a step, into a file only the owner can read. */
async function copyDatabase(ctx: WorkerJobContext, file: string) {
  fs.writeFileSync(file, '', { mode: PRIVATE_FILE }); // SQLite keeps an existing file's mode: never 0644 even for a moment
  await ctx.sqlite.backup(file, { progress: ({ totalPages, remainingPages }) => {
    stopIfCancelled(ctx);
    ctx.progress({ done: totalPages - remainingPages, total: totalPages, message: `正在复制数据库：${totalPages - remainingPages} / ${totalPages} 页` });
    return 200;
  } });
  fs.chmodSync(file, PRIVATE_FILE);
  const copy = new Database(file);
  try { copy.pragma('journal_mode = DELETE'); } finally { copy.close(); }
}
