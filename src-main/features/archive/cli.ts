import fs from 'node:fs';
import path from 'node:path';
import type { CliVerbs } from '../../cli/verbs';
import { CLI_ACTOR } from '../../services';
import { saveToInbox } from '../../ipc/files';
import { verifyStore } from './store';
import { todayIso } from './terms';

const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);

/** CLI verbs of the archive feature; writes go through the same channels as the window. */
export const archiveVerbs: CliVerbs = {
  'archive assign': {
    help: 'archive assign — 为尚无档案袋的户补建档案袋（导入或旧数据）',
    async run(_a, env) {
      const r = await env.services().router.call({ channel: 'archive.assignMissing', input: {}, actor: CLI_ACTOR });
      env.out(r);
      return r.ok ? 0 : 1;
    },
  },
  'archive attach': {
    help: 'archive attach --household ID --file PATH --type 文件类别 --title 题名 [--date YYYY-MM-DD] [--pages N] [--responsible 责任者]',
    async run({ flags }, env) {
      const file = str(flags.file);
      if (!file || !fs.existsSync(file)) {
        env.out({ ok: false, error: { code: 'NOT_FOUND', message: `找不到文件：${file ?? '（未指定 --file）'}` } });
        return 1;
      }
      const s = env.services();
      const inboxName = saveToInbox(s.dataDir, path.basename(file), fs.readFileSync(file));
      const r = await s.router.call({ channel: 'archive.addItem', actor: CLI_ACTOR, input: {
        householdId: Number(flags.household), docType: str(flags.type), title: str(flags.title) ?? path.basename(file),
        date: str(flags.date) ?? todayIso(), pages: flags.pages ? Number(flags.pages) : 1, responsible: str(flags.responsible) ?? '', inboxName,
      } });
      env.out(r);
      return r.ok ? 0 : 1;
    },
  },
  'archive verify': {
    help: 'archive verify — 逐个核对档案库文件的 SHA-256，列出缺失或被改动的文件',
    run(_a, env) {
      const s = env.services();
      const r = verifyStore(s.handle.sqlite, s.dataDir);
      env.out(r);
      return r.ok ? 0 : 1;
    },
  },
};
