import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { channel, type HandlerContext } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { newOutboxFile } from '../../ipc/outbox';
import { getSetting } from '../settings/store';
import { findLedger, ledgerAvailable, ledgers, requireTownship } from './registry';
import { monthlyStats } from './stats';
import { PERIOD_RE, periodLabel } from './period';
import { listRemovableDrives, validateDestination } from './destination';
import { writePackage } from './package';
import { markExported } from '../payroll/close';
import type { VerifyResult } from './verify';
import { keyFingerprint } from './keys';
import { settleReservation } from './reservations';
import { recordAnchor } from '../audit/anchors';
import type { ManifestFile } from './manifest';
import { countyKeyInput, getCountyKey, setCountyKey } from './countyKey';
import { admitPackage, duplicates, importedPackages, registeredTownships, registerTownship, rollup, storePackage, type VerifiedPackage } from './county';

const period = z.string().regex(PERIOD_RE, '统计月份应为 YYYY-MM 格式，如 2026-10');
const folder = z.string().trim().min(1, '请填写文件夹路径').max(1000);

const township = (ctx: HandlerContext) => requireTownship(ctx.sqlite);
/** A path to the county's private key file (county side only; the key is read from disk, never stored here). */
const keyFile = z.string().trim().min(1).max(1000).optional();

function existingDir(dir: string): string {
  const full = path.resolve(dir);
  if (!fs.existsSync(full) || !fs.statSync(full).isDirectory()) throw new AppError('NOT_FOUND', `找不到文件夹：${full}`);
  return full;
}

const stamp = () => new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const progressOf = (ctx: HandlerContext) => (message: string, done: number, total: number) => ctx.progress({ done, total, message });

/** A cancelled county import says what it left: nothing (the engine's own words speak of files). */
function importCancelled(e?: unknown): never {
  if (e === undefined || (e instanceof AppError && e.code === 'CANCELLED')) throw new AppError('CANCELLED', '已取消，没有导入任何数据');
  throw e;
}

/** Package folders directly inside a folder (a USB drive's root), by their name pattern. */
function packageFolders(dir: string): string[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && /^\d{12}_\d{4}-\d{2}_\d{3}$/.test(d.name))
      .map((d) => path.join(dir, d.name)).sort();
  } catch { return []; }
}

export const ledgersChannels = {
  'ledgers.list': channel({
    title: '台账清单（哪些台账有数据可导出）', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => ledgers.map((l) => ({ name: l.name, title: l.title, available: ledgerAvailable(ctx.sqlite, l) })),
  }),
  'ledgers.stats': channel({
    title: '月度统计表及数据校验', permission: 'read', kind: 'query', input: z.object({ period }),
    handler: (ctx, i) => monthlyStats(ctx.sqlite, i.period, township(ctx)),
  }),
  'ledgers.exportStats': channel({
    title: '导出月度统计表（xlsx）', permission: 'read', kind: 'job', input: z.object({ period }),
    handler: async (ctx, i) => {
      const t = township(ctx);
      const { tempFile } = await ctx.inWorker<{ tempFile: string }>('ledgers.writeStats', { period: i.period, township: t });
      const out = newOutboxFile(ctx, `${t.name}月度统计表_${i.period}_${stamp()}.xlsx`);
      fs.renameSync(tempFile, out.path); // written in a worker thread; complete or not there at all
      return { fileName: out.name };
    },
  }),
  'ledgers.exportLedger': channel({
    title: '导出一本台账（xlsx，含身份证号）', permission: 'sensitive.read', kind: 'job', input: z.object({ name: z.string().max(40), period }),
    handler: async (ctx, i) => {
      const l = findLedger(i.name);
      if (!l) throw new AppError('NOT_FOUND', `没有名为 ${i.name} 的台账`);
      if (!ledgerAvailable(ctx.sqlite, l)) throw new AppError('UNAVAILABLE', `${l.title}的数据尚未建立，暂不能导出`);
      const t = township(ctx);
      const { tempFile, rows } = await ctx.inWorker<{ tempFile: string; rows: Record<string, number> }>('ledgers.writeLedger',
        { name: l.name, period: i.period, township: t });
      const out = newOutboxFile(ctx, `${t.name}${l.title}_${i.period}_${stamp()}.xlsx`);
      fs.renameSync(tempFile, out.path); // written in a worker thread; complete or not there at all
      return { fileName: out.name, rows };
    },
  }),
  'ledgers.drives': channel({
    title: '列出可移动磁盘（U盘）', permission: 'read', kind: 'query', input: z.object({}),
    handler: () => listRemovableDrives().map((d) => ({ ...d, packages: packageFolders(d.path).map((p) => path.basename(p)) })),
  }),
  'ledgers.exportPackage': channel({
    title: '导出报送包到U盘或文件夹（签名、校验）', permission: 'case.write', kind: 'job',
    input: z.object({ period, destination: folder, acceptFailedChecks: z.boolean().default(false) }),
    handler: async (ctx, i) => {
      const destination = validateDestination(i.destination, ctx.dataDir);
      const r = await writePackage({ sqlite: ctx.sqlite, dataDir: ctx.dataDir, actor: ctx.actor, township: township(ctx), period: i.period, destination,
        createdBy: ctx.actor.displayName, acceptFailedChecks: i.acceptFailedChecks, progress: progressOf(ctx), cancelled: ctx.cancelled,
        // the ledgers, the PDF and data.json are written in a worker thread; reservation, signing and checks stay here
        writeFiles: (dir) => ctx.inWorker<ManifestFile[]>('ledgers.writePackageFiles', { period: i.period, township: township(ctx), dir }) });
      ctx.tx(() => {
        markExported(ctx.sqlite, i.period); // from now on the month can no longer be reopened
        const id = ctx.sqlite.prepare(`INSERT INTO exchange_exports (period, sequence, folder_name, destination, manifest_sha256, created_at, created_by)
          VALUES (?, ?, ?, ?, ?, ?, ?)`).run(i.period, r.sequence, r.folderName, destination, r.manifestSha256,
          r.manifest.createdAt, ctx.actor.username).lastInsertRowid;
        settleReservation(ctx.sqlite, r.sequence, 'exported');
        recordAnchor(ctx.sqlite, { kind: 'package', ref: r.folderName, ...r.manifest.audit, at: r.manifest.createdAt });
        ctx.audit({ entity: 'exchange_export', entityId: Number(id), after: { period: i.period, sequence: r.sequence, folder: r.path,
          files: r.manifest.files.map((f) => ({ name: f.plain?.name ?? f.name, sha256: f.sha256, rows: f.plain?.rows ?? f.rows })),
          encrypted: r.encrypted, countyKey: r.manifest.encryption?.countyKeyFingerprint ?? null } });
      });
      return { folderName: r.folderName, path: r.path, sequence: r.sequence, periodLabel: periodLabel(i.period),
        files: r.manifest.files.map((f) => ({ ...(f.plain ?? f), stored: f.name })),
        encrypted: r.encrypted, countyKeyFingerprint: r.manifest.encryption?.countyKeyFingerprint ?? null, warnings: r.warnings };
    },
  }),
  'ledgers.countyKey': channel({
    title: '县民政局加密公钥（指纹）', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => {
      const k = getCountyKey(ctx.sqlite);
      return k ? { fingerprint: k.fingerprint, countyName: k.countyName, registeredAt: k.registeredAt, registeredBy: k.registeredBy } : null;
    },
  }),
  'ledgers.setCountyKey': channel({
    title: '登记县民政局加密公钥（报送包加密）', permission: 'admin', kind: 'mutation', input: countyKeyInput,
    handler: (ctx, i) => {
      const before = getCountyKey(ctx.sqlite);
      const k = setCountyKey(ctx.sqlite, i, ctx.actor.username);
      ctx.audit({ entity: 'setting', entityId: 'exchange.countyPublicKey',
        before: before && { fingerprint: before.fingerprint, countyName: before.countyName }, after: { fingerprint: k.fingerprint, countyName: k.countyName } });
      return { fingerprint: k.fingerprint, countyName: k.countyName, registeredAt: k.registeredAt };
    },
  }),
  'ledgers.exports': channel({
    title: '报送包导出记录', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => ctx.sqlite.prepare(`SELECT id, period, sequence, folder_name AS folderName, destination, created_at AS createdAt,
      created_by AS createdBy FROM exchange_exports ORDER BY sequence DESC LIMIT 100`).all() as
      { id: number; period: string; sequence: number; folderName: string; destination: string; createdAt: string; createdBy: string }[],
  }),
  'ledgers.verifyPackage': channel({
    title: '校验报送包（签名、哈希、行数）', permission: 'read', kind: 'job', input: z.object({ dir: folder, countyKeyFile: keyFile }),
    // read, hashed, decrypted and re-counted in a worker thread, like the county import (seconds for a big township)
    handler: (ctx, i) => ctx.inWorker<VerifyResult>('ledgers.verify', { dir: existingDir(i.dir), countyKeyFile: i.countyKeyFile }),
  }),
  'ledgers.publicKey': channel({
    title: '导出本乡镇签名公钥（交县民政局登记）', permission: 'read', kind: 'job', input: z.object({}),
    handler: (ctx) => {
      const t = township(ctx);
      const pem = getSetting<string>(ctx.sqlite, 'signing.publicKeyPem', '');
      const out = newOutboxFile(ctx, `${t.divisionCode}_${t.name}_公钥.pem`);
      fs.writeFileSync(out.path, pem);
      return { fileName: out.name, pem, fingerprint: keyFingerprint(pem), township: t };
    },
  }),
  'ledgers.county.registerTownship': channel({
    title: '县级：登记乡镇公钥', permission: 'county', kind: 'mutation',
    input: z.object({ divisionCode: z.string().regex(/^\d{12}$/, '统计用区划代码应为 12 位数字'), name: z.string().trim().min(2).max(40),
      publicKeyPem: z.string().min(40, '请粘贴完整的公钥（PEM）').max(4000) }),
    handler: (ctx, i) => {
      const r = registerTownship(ctx.sqlite, i, ctx.actor.username);
      ctx.audit({ entity: 'county_township', entityId: i.divisionCode, before: r.before, after: r.after });
      return r.after;
    },
  }),
  'ledgers.county.townships': channel({
    title: '县级：已登记的乡镇', permission: 'county', kind: 'query', input: z.object({}),
    handler: (ctx) => registeredTownships(ctx.sqlite),
  }),
  'ledgers.county.import': channel({
    title: '县级：导入乡镇报送包（校验、解密）', permission: 'county', kind: 'job', input: z.object({ dir: folder, keyFile }),
    handler: async (ctx, i) => {
      // verify, decrypt and re-count in a worker thread (seconds per package); the key file is read there
      const p = await ctx.inWorker<VerifiedPackage>('ledgers.county.read', { dir: existingDir(i.dir), keyFile: i.keyFile }).catch(importCancelled);
      ctx.progress({ done: 0, total: 0, message: `正在写入 ${p.persons} 人…` });
      // the sequence rules against what is stored now, the package and every person: one transaction, all or nothing
      // (txSliced for its commit: the log's checkpoint after 8,000 persons, a 100–200 ms spike in main, runs in a worker)
      const { id, warnings } = await ctx.txSliced(async () => {
        const warnings = admitPackage(ctx.sqlite, p);
        const packageId = storePackage(ctx.sqlite, p, ctx.actor.username);
        ctx.audit({ entity: 'county_package', entityId: packageId, after: { divisionCode: p.manifest.divisionCode, period: p.manifest.period,
          sequence: p.manifest.sequence, manifestSha256: p.manifestSha256, persons: p.persons } });
        return { id: packageId, warnings };
      });
      return { packageId: id, township: p.manifest.township.name, divisionCode: p.manifest.divisionCode, period: p.manifest.period,
        sequence: p.manifest.sequence, persons: p.persons, warnings, encrypted: !!p.manifest.encryption };
    },
  }),
  'ledgers.county.packages': channel({
    title: '县级：已导入的报送包', permission: 'county', kind: 'query', input: z.object({}),
    handler: (ctx) => importedPackages(ctx.sqlite) as { id: number; divisionCode: string; townshipName: string; period: string; sequence: number;
      importedAt: string; importedBy: string; persons: number }[],
  }),
  'ledgers.county.rollup': channel({
    title: '县级：月度统计汇总', permission: 'county', kind: 'query', input: z.object({ period }),
    handler: (ctx, i) => rollup(ctx.sqlite, i.period),
  }),
  'ledgers.county.duplicates': channel({
    title: '县级：异地重复、低保特困重复人员', permission: 'county', kind: 'query',
    input: z.object({ period, kind: z.enum(['townships', 'tekun']), page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50) }),
    handler: (ctx, i) => duplicates(ctx.sqlite, i.period, i.kind, i.page, i.pageSize),
  }),
};
