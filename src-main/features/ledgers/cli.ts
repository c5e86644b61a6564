import fs from 'node:fs';
import path from 'node:path';
import type { CliVerbs, CliEnv } from '../../cli/verbs';
import { CLI_ACTOR } from '../../services';
import type { Actor } from '../../ipc/contract';
import { verifyPackage, type VerifyResult } from './verify';

/** County verbs act in the county role (the CLI operator is otherwise an administrator, who has no county rights). */
const COUNTY_ACTOR: Actor = { userId: null, username: 'cli', displayName: '命令行（县级）', role: 'county' };

async function run(env: CliEnv, channel: string, input: unknown, actor: Actor = CLI_ACTOR): Promise<number> {
  const s = env.services();
  const onProgress = (p: { message?: string }) => { if (p.message) env.progress(p.message); };
  s.router.events.on('progress', onProgress);
  const r = await s.router.call({ channel, input, actor }).finally(() => s.router.events.off('progress', onProgress));
  env.out(r);
  return r.ok ? 0 : 1;
}

/** Prints the verification and exits 1 with the reasons when the package is not intact. */
function report(env: CliEnv, r: VerifyResult | { ok: false; error: unknown }): number {
  if ('error' in r) { env.out(r); return 1; }
  env.out(r.ok ? { ok: true, value: r } : { ok: false, error: { code: r.problems[0]?.code, message: r.problems.map((p) => p.message).join('；') }, value: r });
  return r.ok ? 0 : 1;
}

const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);

export const ledgersVerbs: CliVerbs = {
  'export package': {
    help: 'export package --to DIR --period YYYY-MM [--accept-failed-checks] — write the signed package for the county to a drive or folder',
    run: ({ flags }, env) => run(env, 'ledgers.exportPackage', {
      destination: str(flags.to) ?? '', period: str(flags.period) ?? '', acceptFailedChecks: flags['accept-failed-checks'] === true,
    }),
  },
  verify: {
    help: 'verify DIR [--key PUBLIC_KEY.pem] — check a package: signature (registered or own key, or --key), hashes, row counts; exit 1 with the reason',
    async run({ positional, flags }, env) {
      const dir = positional[0];
      if (!dir) { env.out({ ok: false, error: { code: 'USAGE', message: '用法：verify DIR [--key 公钥.pem]' } }); return 1; }
      const keyFile = str(flags.key);
      if (!keyFile) {
        const wire = await env.services().router.call({ channel: 'ledgers.verifyPackage', input: { dir }, actor: CLI_ACTOR });
        return report(env, wire.ok ? wire.value as VerifyResult : wire);
      }
      const pem = fs.readFileSync(keyFile, 'utf8');
      return report(env, await verifyPackage(path.resolve(dir), () => pem));
    },
  },
  'public-key': {
    help: 'public-key — export this township\'s signing public key (PEM) for the county to register',
    run: (_a, env) => run(env, 'ledgers.publicKey', {}),
  },
  'county register': {
    help: 'county register --division-code 12位 --name 乡镇 --key PUBLIC_KEY.pem — county mode: register a township\'s key',
    run: ({ flags }, env) => run(env, 'ledgers.county.registerTownship', {
      divisionCode: str(flags['division-code']) ?? '', name: str(flags.name) ?? '',
      publicKeyPem: str(flags.key) && fs.existsSync(str(flags.key)!) ? fs.readFileSync(str(flags.key)!, 'utf8') : '',
    }, COUNTY_ACTOR),
  },
  'county import': {
    help: 'county import DIR — county mode: verify and import one township package folder',
    run: ({ positional }, env) => run(env, 'ledgers.county.import', { dir: positional[0] ?? '' }, COUNTY_ACTOR),
  },
  'county rollup': {
    help: 'county rollup --period YYYY-MM — county mode: monthly statistics summed over the townships',
    run: ({ flags }, env) => run(env, 'ledgers.county.rollup', { period: str(flags.period) ?? '' }, COUNTY_ACTOR),
  },
};
