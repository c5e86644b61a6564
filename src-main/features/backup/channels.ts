import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { channel, type HandlerContext } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { inboxPath, originalName } from '../../ipc/files';
import { BACKUP_KIND_LABELS } from '../../domain/glossary';
import { backupFailed, backupsDir, listSets, newSetFile, SET_NAME_PATTERN } from './store';
import { manifestPathFor, writeJsonAtomic } from './manifest';
import type { CopiedInWorker } from './jobs';
import { recordAnchor } from '../audit/anchors';
import { getTownship } from '../settings/store';
import { validateTargetDir } from './manual';
import { verifyBackupFile } from './verify';
import { restoreDatabase } from './restore';
import { liveHandle } from './live';

const setName = z.string().max(80).regex(SET_NAME_PATTERN, '备份名称不合法');
const setFile = (dataDir: string, name: string) => {
  const file = path.join(backupsDir(dataDir), name);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `未找到备份：${name}`);
  return file;
};

/**
 * A manual set: copied in a worker (./jobs.ts) into a temp file, renamed here to its set name with its manifest.
 * Cancelled or failed, the engine deletes the temp file: no set, no half-written copy.
 */
async function makeManualSet(ctx: HandlerContext, dir: string, withArchive: boolean, external: boolean) {
  const file = newSetFile(dir, 'manual');
  const { tempFile, copied, manifest } = await ctx.inWorker<CopiedInWorker>('backup.copy', { dir, name: path.basename(file), external, withArchive });
  if (fs.existsSync(file)) throw new AppError('CONFLICT', '同一时刻已有一份备份，请稍后再试');
  fs.renameSync(tempFile, file);
  try {
    writeJsonAtomic(manifestPathFor(file), manifest);
    return { file, copied, manifest };
  } catch (e) {
    fs.rmSync(file, { force: true }); // a copy without its manifest is not a backup
    throw e;
  }
}

// IPC channels of the backup feature. Registered in features/registry.ts.
export const backupChannels = {
  'backup.list': channel({
    title: '备份列表（数据目录下的自动与手动备份）', permission: 'admin', kind: 'query',
    input: z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(20) }),
    handler: (ctx, i) => {
      const sets = listSets(backupsDir(ctx.dataDir));
      const rows = sets.slice((i.page - 1) * i.pageSize, i.page * i.pageSize).map((s) => ({
        name: s.name, kind: s.kind, kindLabel: BACKUP_KIND_LABELS[s.kind], at: s.at, complete: !!s.manifest,
        createdAt: s.manifest?.createdAt ?? null, size: s.manifest?.db.size ?? null, auditRows: s.manifest?.audit.rows ?? null,
        archiveFiles: s.manifest?.archiveStore.files.length ?? null, archiveBytes: s.manifest?.archiveStore.totalBytes ?? null,
      }));
      return { folder: backupsDir(ctx.dataDir), total: sets.length, rows };
    },
  }),
  'backup.create': channel({
    title: '立即备份（可选备份到U盘等文件夹，含档案库文件）', permission: 'admin', kind: 'job',
    input: z.object({ toDir: z.string().trim().min(1).max(1000).optional(), includeArchive: z.boolean().default(true) }),
    handler: async (ctx, i) => {
      const dir = i.toDir ? validateTargetDir(ctx.dataDir, i.toDir) : backupsDir(ctx.dataDir);
      const { file, copied, manifest } = await makeManualSet(ctx, dir, !!(i.toDir && i.includeArchive), !!i.toDir).catch((e) => { throw backupFailed(e); });
      const result = { name: path.basename(file), folder: dir, size: manifest.db.size, auditRows: manifest.audit.rows,
        archiveFiles: manifest.archiveStore.files.length, archiveCopied: copied, privateKeyIncluded: !!manifest.privateKeyIncluded };
      ctx.tx(() => {
        // A copy on a stick is a head this database cannot take back; backups/ manifests are read from disk.
        if (i.toDir) recordAnchor(ctx.sqlite, { kind: 'usb-backup', ref: file, ...manifest.audit, at: manifest.createdAt });
        ctx.audit({ entity: 'backup', entityId: result.name, after: result });
      });
      return result;
    },
  }),
  'backup.verify': channel({
    title: '校验备份（完整性与审计链）', permission: 'admin', kind: 'query', input: z.object({ name: setName }),
    handler: (ctx, i) => verifyBackupFile(setFile(ctx.dataDir, i.name), undefined, { township: getTownship(ctx.sqlite) }),
  }),
  'backup.restore': channel({
    title: '从备份恢复（先校验，再替换当前数据库，旧库另存）', permission: 'admin', kind: 'job',
    input: z.object({ name: setName.optional(), inboxName: z.string().max(200).optional(), withoutManifest: z.boolean().default(false),
      /** Administrator's override for a backup older than an exported head: the reason is audited and explained by check. */
      acceptAnchorLoss: z.object({ reason: z.string().trim().min(4, '请写明恢复较旧备份、接受审计链回退的理由（至少 4 个字）').max(500) }).optional() })
      .refine((i) => !!i.name !== !!i.inboxName, '请选择一个备份（备份列表中的一项，或上传的备份文件）'),
    handler: (ctx, i) => {
      const live = liveHandle(ctx.dataDir);
      if (!live || live.sqlite !== ctx.sqlite) throw new AppError('RESTORE_UNAVAILABLE', '当前运行方式不支持在线恢复，请关闭程序后用命令行 restore 恢复');
      const source = i.name ? setFile(ctx.dataDir, i.name) : inboxPath(ctx.dataDir, i.inboxName!);
      ctx.progress({ done: 0, total: 1, message: '正在校验并恢复' });
      const result = restoreDatabase({ dataDir: ctx.dataDir, source, live, actor: ctx.actor, channel: ctx.channel,
        label: i.name ?? originalName(i.inboxName!), withoutManifest: i.withoutManifest, acceptAnchorLoss: i.acceptAnchorLoss });
      ctx.session.end(); // the restored database has its own users: sign in again
      return { ...result, needsLogin: true };
    },
  }),
};
