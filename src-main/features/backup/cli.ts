import fs from 'node:fs';
import path from 'node:path';
import type { CliVerbs } from '../../cli/verbs';
import { CLI_ACTOR } from '../../services';
import { backupFailed, snapshotAsync, writeManifest } from './store';
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
          manifest = writeManifest(file, 'manual', s.dataDir);
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
    help: 'backup verify FILE — 校验一个备份文件（清单校验值、完整性、审计链），不改动任何数据',
    run({ positional }, env) {
      const report = verifyBackupFile(path.resolve(positional[0] ?? ''));
      env.out({ ok: report.ok, value: report });
      return report.ok ? 0 : 1;
    },
  },
  restore: {
    help: 'restore FILE — 从备份恢复：先校验，当前数据库另存到 backups/，再替换（请先关闭程序）',
    run({ positional, dataDir }, env) {
      const source = positional[0];
      if (!source) { env.out({ ok: false, error: { code: 'VALIDATION', message: '请给出备份文件：restore FILE' } }); return 2; }
      const value = restoreDatabase({ dataDir, source: path.resolve(source), actor: CLI_ACTOR, channel: 'cli.restore' });
      env.out({ ok: true, value });
      return 0;
    },
  },
};
