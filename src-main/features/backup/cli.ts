import fs from 'node:fs';
import path from 'node:path';
import type { CliVerbs } from '../../cli/verbs';
import { CLI_ACTOR } from '../../services';
import { backupFailed, snapshotAsync, stripPrivateKey, writeManifest } from './store';
import { recordAnchor } from '../audit/anchors';
import { restoreDatabase } from './restore';
import { verifyBackupFile } from './verify';

// CLI verbs of the backup feature. Registered in cli/registry.ts.
export const backupVerbs: CliVerbs = {
  backup: {
    help: 'backup [--to FILE | --dir 文件夹] — 备份数据库（--to 写到一个文件并附清单；--dir 同界面的U盘备份；都不给则进数据目录 backups/）',
    async run({ flags }, env) {
      const s = env.services();
      if (typeof flags.to === 'string') {
        const file = path.resolve(flags.to);
        if (fs.existsSync(file)) { env.out({ ok: false, error: { code: 'EXISTS', message: `文件已存在，未覆盖：${file}` } }); return 1; }
        let manifest;
        try {
          await snapshotAsync(s.handle.sqlite, file, (d, t) => env.progress(`备份 ${d}/${t} 页`));
          stripPrivateKey(file); // a file given by path can be anywhere (a stick): never with the private key
          manifest = writeManifest(file, 'manual', s.dataDir);
          const m = manifest;
          s.handle.sqlite.transaction(() => recordAnchor(s.handle.sqlite, { kind: 'usb-backup', ref: file, ...m.audit, at: m.createdAt }))();
        } catch (e) { throw backupFailed(e); }
        env.out({ ok: true, value: { file, size: manifest.db.size, auditRows: manifest.audit.rows, archiveFiles: manifest.archiveStore.files.length } });
        return 0;
      }
      const toDir = typeof flags.dir === 'string' ? path.resolve(flags.dir) : undefined;
      const r = await s.router.call({ channel: 'backup.create', input: { toDir }, actor: CLI_ACTOR });
      env.out(r);
      return r.ok ? 0 : 1;
    },
  },
  'backup verify': {
    help: 'backup verify FILE [--without-manifest] — 校验一个备份文件（清单校验值、完整性、审计链），不改动任何数据；没有清单的文件须加 --without-manifest',
    run({ positional, flags }, env) {
      const report = verifyBackupFile(path.resolve(positional[0] ?? ''), undefined, { withoutManifest: !!flags['without-manifest'] });
      env.out({ ok: report.ok, value: report });
      return report.ok ? 0 : 1;
    },
  },
  restore: {
    help: 'restore FILE [--without-manifest] [--accept-anchor-loss 理由] — 从备份恢复：先校验并与已导出的审计链头比对，当前数据库另存到 backups/，再替换（请先关闭程序）；备份比已导出的链头旧时，管理员须写明理由接受审计链回退（记入审计，check 会说明）',
    run({ positional, dataDir, flags }, env) {
      const source = positional[0];
      if (!source) { env.out({ ok: false, error: { code: 'VALIDATION', message: '请给出备份文件：restore FILE' } }); return 2; }
      const reason = flags['accept-anchor-loss'];
      if (reason === true) { env.out({ ok: false, error: { code: 'VALIDATION', message: '--accept-anchor-loss 后须写明理由，如 --accept-anchor-loss "最新数据库损坏，恢复上月备份"' } }); return 2; }
      const value = restoreDatabase({ dataDir, source: path.resolve(source), actor: CLI_ACTOR, channel: 'cli.restore', withoutManifest: !!flags['without-manifest'],
        acceptAnchorLoss: typeof reason === 'string' ? { reason } : undefined });
      env.out({ ok: true, value });
      return 0;
    },
  },
};
