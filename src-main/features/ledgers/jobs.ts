import { workerJobs } from '../../jobs/contract';
import { outboxDir } from '../../ipc/files';
import type { Township } from '../settings/store';
import { findLedger, ledgerSheets } from './registry';
import { monthlyStats } from './stats';
import { statsSheets } from './statsWorkbook';
import { writeLedgerWorkbook } from './xlsx';
import { writePackageFiles } from './package';
import type { ManifestFile } from './manifest';

/**
 * Ledger work that runs in a worker thread: writing xlsx (a 100,000-member roster takes seconds) and the package's
 * files. The channels check first and record the result (outbox row, export row, audit) in the main process.
 */
export const ledgersJobs = workerJobs({
  'ledgers.writeStats': async (ctx, i: { period: string; township: Township }) => {
    const tempFile = ctx.tempFile(outboxDir(ctx.dataDir), '.xlsx');
    ctx.progress({ done: 0, total: 0, message: '正在统计并写入月度统计表…' });
    await writeLedgerWorkbook(tempFile, statsSheets(monthlyStats(ctx.sqlite, i.period, i.township)), { cancelled: ctx.cancelled });
    return { tempFile };
  },
  'ledgers.writeLedger': async (ctx, i: { name: string; period: string; township: Township }) => {
    const l = findLedger(i.name)!; // the channel checked it
    const tempFile = ctx.tempFile(outboxDir(ctx.dataDir), '.xlsx');
    ctx.progress({ done: 0, total: 0, message: `正在整理${l.title}…` });
    const rows = await writeLedgerWorkbook(tempFile, ledgerSheets(ctx.sqlite, l, { period: i.period, township: i.township }),
      { cancelled: ctx.cancelled, onRows: (n) => ctx.progress({ done: n, total: 0, message: `已写入 ${n} 行` }) });
    return { tempFile, rows };
  },
  'ledgers.writePackageFiles': (ctx, i: { period: string; township: Township; dir: string }): Promise<ManifestFile[]> =>
    writePackageFiles({ sqlite: ctx.sqlite, dataDir: ctx.dataDir, actor: ctx.actor, township: i.township, period: i.period,
      cancelled: ctx.cancelled, progress: (message, done, total) => ctx.progress({ done, total, message }) }, i.dir),
});
