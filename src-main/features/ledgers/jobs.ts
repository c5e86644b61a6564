import { workerJobs } from '../../jobs/contract';
import { outboxDir } from '../../ipc/files';
import type { Township } from '../settings/store';
import { findLedger, ledgerSheets } from './registry';
import { monthlyStats } from './stats';
import { statsSheets } from './statsWorkbook';
import { writeLedgerWorkbook } from './xlsx';
import { writePackageFiles } from './package';
import type { ManifestFile } from './manifest';
import { readIncoming, type VerifiedPackage } from './county';
import { loadCountyPrivateKey } from './countyKey';
import { verifyPackage, type VerifyResult } from './verify';
import { trustedKey, unsealWith } from './trust';

/**
 * Ledger work that runs in a worker thread: writing xlsx (a 100,000-member roster takes seconds), the package's
 * files, and on the county side reading an incoming package (verify, decrypt, re-count its xlsx: 1–2 s each). The
 * channels check first and record the result (outbox row, export row, audit, the county's persons) in the main process.
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
  /** The county's private key is read from its file here, in the worker: only the path crosses, the key never leaves this thread. */
  'ledgers.county.read': (ctx, i: { dir: string; keyFile?: string }): Promise<VerifiedPackage> =>
    readIncoming(ctx.sqlite, i.dir, i.keyFile ? loadCountyPrivateKey(i.keyFile) : null,
      { cancelled: ctx.cancelled, progress: (message, done, total) => ctx.progress({ done, total, message }) }),
  /** 校验报送包 (either side): the result as the channel returns it; the verified bytes stay here (not enumerable, not sent). */
  'ledgers.verify': (ctx, i: { dir: string; countyKeyFile?: string }): Promise<VerifyResult> =>
    verifyPackage(i.dir, trustedKey(ctx.sqlite), { ...unsealWith(i.countyKeyFile), cancelled: ctx.cancelled,
      progress: (message, done, total) => ctx.progress({ done, total, message }) }),
});
