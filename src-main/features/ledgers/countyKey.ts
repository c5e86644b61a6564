import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../ipc/errors';
import { getSetting, setSetting } from '../settings/store';

/**
 * The county's X25519 public key, registered once in the township (its own channel, never settings.set): packages
 * are encrypted for it. The county keeps the private key (a 0600 file made by `cli county keygen`).
 */
export const COUNTY_KEY_SETTING = 'exchange.countyPublicKey';

export interface CountyKey { publicKey: string; fingerprint: string; countyName: string; registeredAt: string; registeredBy: string }

/** The 32 raw bytes of an X25519 key object (public or private → its public half). */
export function rawX25519(key: crypto.KeyObject): Buffer {
  const pub = key.type === 'private' ? crypto.createPublicKey(key) : key;
  return Buffer.from(pub.export({ format: 'jwk' }).x as string, 'base64url');
}

/** PEM (SPKI) or base64 of the 32 raw bytes → base64 of the raw bytes; null when it is neither. */
export function parseCountyPublicKey(text: string): string | null {
  const t = text.trim();
  if (t.startsWith('-----BEGIN')) {
    try {
      const k = crypto.createPublicKey(t);
      return k.asymmetricKeyType === 'x25519' ? rawX25519(k).toString('base64') : null;
    } catch { return null; }
  }
  const compact = t.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]{43}=$/.test(compact)) return null;
  return Buffer.from(compact, 'base64').length === 32 ? compact : null;
}

/** SHA-256 of the raw key, 32 hex digits in groups of four, read aloud over the phone to compare with the county. */
export function countyKeyFingerprint(publicKeyB64: string): string {
  return crypto.createHash('sha256').update(Buffer.from(publicKeyB64, 'base64')).digest('hex').slice(0, 32).toUpperCase().match(/.{4}/g)!.join('-');
}

export const countyKeyInput = z.object({
  publicKey: z.string().max(4000).transform((s, ctx) => {
    const raw = parseCountyPublicKey(s);
    if (!raw) {
      ctx.addIssue({ code: 'custom', message: '县级公钥格式不正确：应为县民政局提供的 X25519 公钥（PEM，以 -----BEGIN PUBLIC KEY----- 开头；或 44 位 base64）' });
      return z.NEVER;
    }
    return raw;
  }),
  countyName: z.string().trim().min(2, '请填写县（区）民政局名称').max(40),
  /** The fingerprint the clerk read back with the county by phone: must match, so a pasted wrong key is caught. */
  confirmFingerprint: z.string().trim().max(60).optional(),
});

export const getCountyKey = (sqlite: Database.Database) => getSetting<CountyKey | null>(sqlite, COUNTY_KEY_SETTING, null);

export function setCountyKey(sqlite: Database.Database, i: z.output<typeof countyKeyInput>, by: string): CountyKey {
  const fingerprint = countyKeyFingerprint(i.publicKey);
  if (i.confirmFingerprint && normalizeFp(i.confirmFingerprint) !== normalizeFp(fingerprint)) {
    throw new AppError('FINGERPRINT_MISMATCH', `指纹不符：公钥的指纹是 ${fingerprint}，与您核对的 ${i.confirmFingerprint} 不同；请与县民政局重新核对后再登记`);
  }
  const key: CountyKey = { publicKey: i.publicKey, fingerprint, countyName: i.countyName, registeredAt: new Date().toISOString(), registeredBy: by };
  setSetting(sqlite, COUNTY_KEY_SETTING, key);
  return key;
}

const normalizeFp = (s: string) => s.replace(/[^0-9a-f]/gi, '').toUpperCase();

export interface CountyKeyPair { privateKeyPem: string; publicKeyPem: string; publicKey: string; fingerprint: string }

export function generateCountyKeyPair(): CountyKeyPair {
  const k = crypto.generateKeyPairSync('x25519');
  const publicKey = rawX25519(k.publicKey).toString('base64');
  return {
    privateKeyPem: k.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: k.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicKey, fingerprint: countyKeyFingerprint(publicKey),
  };
}

/** Writes the private key 0600 (never over an existing file) and the public key beside it. */
export function writeCountyKeyFiles(privateFile: string): CountyKeyPair & { privateFile: string; publicFile: string } {
  const full = path.resolve(privateFile);
  const publicFile = full.replace(/(\.pem)?$/, '.pub.pem');
  if (fs.existsSync(full)) throw new AppError('CONFLICT', `文件已存在，不会覆盖：${full}（已有的县级私钥一旦被覆盖，已加密的报送包将无法解密）`);
  fs.mkdirSync(path.dirname(full), { recursive: true, mode: 0o700 });
  const pair = generateCountyKeyPair();
  fs.writeFileSync(full, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
  fs.chmodSync(full, 0o600);
  fs.writeFileSync(publicFile, pair.publicKeyPem, { mode: 0o644 });
  return { ...pair, privateFile: full, publicFile };
}

/** Reads the county's private key file, with a clear message for a missing file or a key of the wrong kind. */
export function loadCountyPrivateKey(file: string): crypto.KeyObject {
  let text: string;
  try { text = fs.readFileSync(path.resolve(file), 'utf8'); } catch { throw new AppError('NO_COUNTY_KEY', `找不到县级私钥文件：${file}`); }
  let key: crypto.KeyObject;
  try { key = crypto.createPrivateKey(text); } catch { throw new AppError('BAD_KEY', `${path.basename(file)} 不是私钥文件（应为 county keygen 生成的 PEM 私钥）`); }
  if (key.asymmetricKeyType !== 'x25519') throw new AppError('BAD_KEY', `${path.basename(file)} 不是县级解密私钥（应为 X25519，实际为 ${key.asymmetricKeyType}）`);
  return key;
}

/**
 * The demo township registers a demo county's key pair, so the demo exports encrypted packages as a real office
 * would; the demo county's private key is written into the data dir (a demo has no real county to hold it).
 */
export const DEMO_COUNTY_KEY_FILE = path.join('演示县级密钥', '县级私钥_演示.pem');

export function registerDemoCountyKey(sqlite: Database.Database, dataDir: string): CountyKey {
  const file = path.join(dataDir, DEMO_COUNTY_KEY_FILE);
  const pair = fs.existsSync(file)
    ? { publicKey: rawX25519(loadCountyPrivateKey(file)).toString('base64') }
    : writeCountyKeyFiles(file);
  return setCountyKey(sqlite, { publicKey: pair.publicKey, countyName: '演示县民政局' }, 'demo');
}
