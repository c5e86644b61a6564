import fs from 'node:fs';
import { z } from 'zod';
import type { CliVerbs } from './verbs';
import { CLI_ACTOR } from '../services';
import { verifyAuditChain } from '../features/audit/chain';
import { extraChecks } from './checks';
import { parseDateInput } from '../domain/dates';

const num = (v: string | true | undefined, fallback: number) => (typeof v === 'string' ? Number(v) : fallback);
const str = (v: string | true | undefined, fallback: string) => (typeof v === 'string' ? v : fallback);

export const coreVerbs: CliVerbs = {
  init: {
    help: 'init [--demo] [--seed N] [--households N] [--township 名称] [--division-code 12位] [--county 县] [--admin 用户名] [--password 密码]',
    async run({ flags }, env) {
      const input = {
        township: { name: str(flags.township, '青溪镇'), divisionCode: str(flags['division-code'], '510902105000'), county: str(flags.county, '示范县') },
        admin: { username: str(flags.admin, 'admin'), displayName: '系统管理员', password: str(flags.password, 'admin123') },
        demo: flags.demo === true, seed: num(flags.seed, 20240304), households: num(flags.households, 600),
      };
      const s = env.services();
      const r = await s.router.call({ channel: 'setup.init', input, actor: CLI_ACTOR });
      env.out(r);
      return r.ok ? 0 : 1;
    },
  },
  channels: {
    help: 'channels — every channel with its permission and input JSON schema',
    run(_a, env) {
      const s = env.services();
      env.out(Object.entries(s.router.channels).map(([name, def]) => ({
        name, title: def.title, permission: def.permission, kind: def.kind,
        input: z.toJSONSchema(def.input, { unrepresentable: 'any', io: 'input' }),
      })));
      return 0;
    },
  },
  call: {
    help: 'call <channel> <json | -> — runs one channel as the CLI operator',
    async run({ positional }, env) {
      const [name, json = '{}'] = positional;
      const text = json === '-' ? fs.readFileSync(0, 'utf8') : json;
      let input: unknown;
      try { input = JSON.parse(text); } catch {
        env.out({ ok: false, error: { code: 'BAD_JSON', message: '输入不是合法的 JSON' } });
        return 1;
      }
      const r = await env.services().router.call({ channel: name ?? '', input, actor: CLI_ACTOR });
      env.out(r);
      return r.ok ? 0 : 1;
    },
  },
  check: {
    help: 'check — PRAGMA integrity_check, the audit hash chain and feature checks; exit 1 when anything is broken',
    // Hidden `--today YYYY-MM-DD` (not in help, never in the UI): judge deadlines as of that day. Tests run check on
    // a fixture database built for a fixed day, which the real clock would find overdue weeks later. check only
    // reads, so the override cannot date any record; every channel and every audit timestamp keeps the real clock.
    async run({ flags }, env) {
      const today = typeof flags.today === 'string' ? parseDateInput(flags.today) : flags.today === undefined ? undefined : null;
      if (today === null) { env.out({ ok: false, error: { code: 'VALIDATION', message: '--today 后须写一个真实日期，如 --today 2026-11-22' } }); return 2; }
      const s = env.services();
      const integrity = (s.handle.sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
      const chain = verifyAuditChain(s.handle.sqlite);
      const extra = [];
      for (const c of extraChecks) extra.push(await c(s, { today }));
      const ok = integrity.length === 1 && integrity[0] === 'ok' && chain.ok && extra.every((e) => e.ok);
      env.out({ ok, integrity, auditChain: chain, checks: extra });
      return ok ? 0 : 1;
    },
  },
};
