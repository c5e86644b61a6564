import fs from 'node:fs';
import path from 'node:path';
import type { CliVerbs } from '../../cli/verbs';
import { CLI_ACTOR } from '../../services';
import { saveToInbox } from '../../ipc/files';

// CLI verbs of the rechecks feature. Registered in cli/registry.ts.
export const rechecksVerbs: CliVerbs = {
  'import suspects': {
    help: 'import suspects FILE.xlsx [--dry-run] [--county 县] [--map JSON] — 导入县级疑点表；按身份证号匹配，列出匹配不到的行',
    async run({ positional, flags }, env) {
      const file = positional[0];
      if (!file || !fs.existsSync(file)) {
        env.out({ ok: false, error: { code: 'NOT_FOUND', message: `找不到文件：${file ?? '（未指定）'}` } });
        return 1;
      }
      let mapping: unknown;
      try { mapping = typeof flags.map === 'string' ? JSON.parse(flags.map) : undefined; } catch {
        env.out({ ok: false, error: { code: 'BAD_JSON', message: '--map 不是合法的 JSON' } });
        return 1;
      }
      const s = env.services();
      const inboxName = saveToInbox(s.dataDir, path.basename(file), fs.readFileSync(file));
      const r = await s.router.call({ channel: 'rechecks.suspects.import', actor: CLI_ACTOR,
        input: { inboxName, dryRun: flags['dry-run'] === true, county: typeof flags.county === 'string' ? flags.county : undefined, mapping } });
      env.out(r);
      return r.ok ? 0 : 1;
    },
  },
};
