import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { getSetting } from '../settings/store';
import { AppError } from '../../ipc/errors';

/** The township's Ed25519 signing key (made at setup) and the fingerprint the county compares by eye. */
export function townshipKeys(sqlite: Database.Database): { privateKey: crypto.KeyObject; publicKeyPem: string } {
  const priv = getSetting<string | null>(sqlite, 'signing.privateKeyPem', null);
  const pub = getSetting<string | null>(sqlite, 'signing.publicKeyPem', null);
  if (!priv || !pub) throw new AppError('NO_SIGNING_KEY', '本工作站没有签名密钥（初始化未完成），不能导出报送包');
  return { privateKey: crypto.createPrivateKey(priv), publicKeyPem: pub };
}

/** Parses a PEM public key and insists on Ed25519; a clear message otherwise. */
export function parsePublicKey(pem: string): crypto.KeyObject {
  let key: crypto.KeyObject;
  try { key = crypto.createPublicKey(pem); } catch { throw new AppError('BAD_KEY', '公钥格式不正确：应为 PEM 格式（以 -----BEGIN PUBLIC KEY----- 开头）'); }
  if (key.asymmetricKeyType !== 'ed25519') throw new AppError('BAD_KEY', '公钥类型不正确：应为乡镇工作站导出的 Ed25519 公钥');
  return key;
}

/** SHA-256 of the key's DER encoding, shown in groups of four so people can read it over the phone. */
export function keyFingerprint(pem: string): string {
  const der = parsePublicKey(pem).export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha256').update(der).digest('hex').slice(0, 32).toUpperCase().match(/.{4}/g)!.join('-');
}

export const sign = (data: Buffer, key: crypto.KeyObject) => crypto.sign(null, data, key).toString('base64');

export function verifySignature(data: Buffer, signatureB64: string, publicKeyPem: string): boolean {
  try { return crypto.verify(null, data, parsePublicKey(publicKeyPem), Buffer.from(signatureB64.trim(), 'base64')); } catch { return false; }
}
