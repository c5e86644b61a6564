import fs from 'node:fs';
import path from 'node:path';
import type { CliVerbs, CliEnv } from '../../cli/verbs';
import { CLI_ACTOR } from '../../services';
import type { Actor } from '../../ipc/contract';
import { verifyPackage, type VerifyResult } from './verify';
import { loadCountyPrivateKey, writeCountyKeyFiles } from './countyKey';
import { countyUnsealer } from './seal';
import type { Manifest } from './manifest';

/** County verbs act in the county role (the CLI operator is otherwise an administrator, who has no county rights). */
const COUNTY_ACTOR: Actor = { userId: null, username: 'cli', displayName: '命令行（县级）', role: 'county' };

async function run(env: CliEnv, channel: string, input: unknown, actor: Actor = CLI_ACTOR): Promise<number> {
  const s = env.services();
  const onProgress = (p: { message?: string }) => { if (p.message) env.progress(p.message); };
  s.router.events.on('progress', onProgress);
  const r = await s.router.call({ channel, input, actor }).finally(() => s.router.events.off('progress', onProgress));
  // warnings (an unencrypted package) also on stderr, where a person running the command sees them
  const warnings = r.ok ? (r.value as { warnings?: unknown })?.warnings : undefined;
  if (Array.isArray(warnings)) for (const w of warnings) env.progress(`警告：${String(w)}`);
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
    help: 'verify DIR [--key PUBLIC_KEY.pem] [--county-key COUNTY_PRIVATE.pem] — check a package: signature (registered or own key, or --key), hashes, row counts (of an encrypted package: the ciphertext, and with --county-key the decrypted files too); exit 1 with the reason',
    async run({ positional, flags }, env) {
      const dir = positional[0];
      if (!dir) { env.out({ ok: false, error: { code: 'USAGE', message: '用法：verify DIR [--key 公钥.pem] [--county-key 县级私钥.pem]' } }); return 1; }
      const keyFile = str(flags.key);
      const countyKeyFile = str(flags['county-key']);
      if (!keyFile) {
        const wire = await env.services().router.call({ channel: 'ledgers.verifyPackage', input: { dir, countyKeyFile }, actor: CLI_ACTOR });
        return report(env, wire.ok ? wire.value as VerifyResult : wire);
      }
      const pem = fs.readFileSync(keyFile, 'utf8');
      try {
        const countyKey = countyKeyFile ? loadCountyPrivateKey(countyKeyFile) : null;
        return report(env, await verifyPackage(path.resolve(dir), () => pem,
          countyKey ? { unseal: (m: Manifest) => countyUnsealer(m.encryption!, countyKey, m.folderName) } : {}));
      } catch (e) {
        return report(env, { ok: false, error: { code: (e as { code?: string }).code ?? 'ERROR', message: (e as Error).message } });
      }
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
    help: 'county import DIR [--key COUNTY_PRIVATE.pem] — county mode: verify, decrypt (with the county\'s private key) and import one township package folder',
    run: ({ positional, flags }, env) => run(env, 'ledgers.county.import', { dir: positional[0] ?? '', keyFile: str(flags.key) }, COUNTY_ACTOR),
  },
  'county keygen': {
    help: 'county keygen --out COUNTY_PRIVATE.pem — county side: make the county\'s X25519 key pair (private key file 0600, never overwritten; public key beside it) for the townships to register',
    run({ flags }, env) {
      const out = str(flags.out);
      if (!out) { env.out({ ok: false, error: { code: 'USAGE', message: '用法：county keygen --out 县级私钥.pem' } }); return 1; }
      try {
        const k = writeCountyKeyFiles(out);
        env.progress(`县级私钥已写入 ${k.privateFile}（仅本人可读，请妥善保管并另行备份，切勿交给乡镇或放在U盘上）`);
        env.out({ ok: true, value: { privateKeyFile: k.privateFile, publicKeyFile: k.publicFile, publicKey: k.publicKey, fingerprint: k.fingerprint } });
        return 0;
      } catch (e) {
        env.out({ ok: false, error: { code: (e as { code?: string }).code ?? 'ERROR', message: (e as Error).message } });
        return 1;
      }
    },
  },
  'county-key': {
    help: 'county-key [--set PUBLIC.pem|BASE64 --county-name 名称 [--fingerprint 指纹]] — township side: show, or register once, the county\'s encryption public key',
    run({ flags }, env) {
      const set = str(flags.set);
      if (!set) return run(env, 'ledgers.countyKey', {});
      const publicKey = fs.existsSync(set) ? fs.readFileSync(set, 'utf8') : set;
      return run(env, 'ledgers.setCountyKey', { publicKey, countyName: str(flags['county-name']) ?? '', confirmFingerprint: str(flags.fingerprint) });
    },
  },
  'county rollup': {
    help: 'county rollup --period YYYY-MM — county mode: monthly statistics summed over the townships',
    run: ({ flags }, env) => run(env, 'ledgers.county.rollup', { period: str(flags.period) ?? '' }, COUNTY_ACTOR),
  },
};
