import fs from 'node:fs';
import path from 'node:path';
import type { CliVerbs } from '../../cli/verbs';
import { CLI_ACTOR } from '../../services';
import { documents } from '../../print/documents';
import { outboxPath } from '../../ipc/files';

export const printVerbs: CliVerbs = {
  print: {
    help: 'print <document> --out FILE.pdf [--json ARGS] — prints any document; print --list lists them',
    async run({ positional, flags }, env) {
      if (flags.list === true) {
        env.out(documents.map((d) => ({ name: d.name, title: d.title, public: d.public })));
        return 0;
      }
      const [name] = positional;
      if (!name || typeof flags.out !== 'string') {
        env.out({ ok: false, error: { code: 'USAGE', message: '用法：print <文档名> --out 文件.pdf [--json 参数]；print --list 列出文档' } });
        return 2;
      }
      let args: unknown = {};
      try { args = typeof flags.json === 'string' ? JSON.parse(flags.json) : {}; } catch {
        env.out({ ok: false, error: { code: 'BAD_JSON', message: '--json 不是合法的 JSON' } });
        return 1;
      }
      const s = env.services();
      env.progress(`正在生成 ${name} …`);
      const r = await s.router.call({ channel: 'print.render', input: { document: name, args }, actor: CLI_ACTOR });
      if (!r.ok) { env.out(r); return 1; }
      const v = r.value as { outboxName: string; pages: number; missingGlyphs: string[] };
      const out = path.resolve(flags.out);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.copyFileSync(outboxPath(s.dataDir, v.outboxName), out);
      env.out({ ok: true, value: { ...v, file: out } });
      return 0;
    },
  },
};
