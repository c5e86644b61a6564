import crypto from 'node:crypto';
import { AppError } from '../../ipc/errors';
import { countyKeyFingerprint, rawX25519 } from './countyKey';

/**
 * Encryption of a package for the county, so a lost USB stick leaks nothing:
 *   shared = X25519(ephemeral private, county public)   — a fresh ephemeral pair per package;
 *   key_i  = HKDF-SHA256(shared, salt, "dibao-package/2 file <i>")  — one key per file;
 *   file_i = AES-256-GCM(key_i, iv_i, plaintext, aad = "<folder>/<cipher name>") || 16-byte tag.
 * The township keeps neither the ephemeral private key nor the shared secret after the export (only the county's
 * private key opens the package again); the manifest carries the ephemeral public key and salt and is signed.
 */
export const SEAL_SCHEME = 'X25519-HKDF-SHA256-AES-256-GCM';

/** What the (signed) manifest says about the encryption: enough to decrypt with the county's private key, nothing else. */
export interface SealHeader { scheme: typeof SEAL_SCHEME; countyKeyFingerprint: string; ephemeralPublicKey: string; salt: string }

export interface Sealed { cipher: Buffer; iv: string }
export interface Sealer { header: SealHeader; seal(index: number, cipherName: string, plain: Buffer): Sealed; unsealer: Unsealer }
export interface Unsealer { open(index: number, cipherName: string, iv: string, cipher: Buffer): Buffer }

const TAG_BYTES = 16;

/** Starts the encryption of one package for the county's X25519 public key (base64 of its 32 raw bytes). */
export function newSealer(countyPublicKeyB64: string, folderName: string): Sealer {
  const county = x25519Public(Buffer.from(countyPublicKeyB64, 'base64'));
  const eph = crypto.generateKeyPairSync('x25519');
  const shared = crypto.diffieHellman({ privateKey: eph.privateKey, publicKey: county });
  const salt = crypto.randomBytes(32);
  const header: SealHeader = {
    scheme: SEAL_SCHEME, countyKeyFingerprint: countyKeyFingerprint(countyPublicKeyB64),
    ephemeralPublicKey: rawX25519(eph.publicKey).toString('base64'), salt: salt.toString('base64'),
  };
  const seal = (index: number, cipherName: string, plain: Buffer): Sealed => {
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', fileKey(shared, salt, index), iv);
    c.setAAD(aad(folderName, cipherName));
    const cipher = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
    return { cipher, iv: iv.toString('base64') };
  };
  // the township's own read-back check after writing: the same shared secret, from the ephemeral side
  return { header, seal, unsealer: unsealerFor(shared, salt, folderName) };
}

/** Opens a package with the county's private key; a key of another county is named as such, not as damage. */
export function countyUnsealer(header: SealHeader, countyPrivateKey: crypto.KeyObject, folderName: string): Unsealer {
  if (header?.scheme !== SEAL_SCHEME) throw new AppError('BAD_MANIFEST', `报送包的加密方式不是本系统支持的（${String(header?.scheme)}）`);
  const ownPublic = rawX25519(crypto.createPublicKey(countyPrivateKey)).toString('base64');
  const fp = countyKeyFingerprint(ownPublic);
  if (fp !== header.countyKeyFingerprint) {
    throw new AppError('WRONG_COUNTY_KEY', `县级私钥不符：本包是为指纹 ${header.countyKeyFingerprint} 的县级公钥加密的，所给私钥对应的公钥指纹为 ${fp}；请使用本县登记给乡镇的那把私钥`);
  }
  let shared: Buffer;
  try {
    shared = crypto.diffieHellman({ privateKey: countyPrivateKey, publicKey: x25519Public(Buffer.from(header.ephemeralPublicKey, 'base64')) });
  } catch { throw new AppError('DECRYPT_FAILED', '报送包清单中的临时公钥已损坏，无法解密'); }
  return unsealerFor(shared, Buffer.from(header.salt, 'base64'), folderName);
}

function unsealerFor(shared: Buffer, salt: Buffer, folderName: string): Unsealer {
  return {
    open(index, cipherName, iv, cipher) {
      if (cipher.length < TAG_BYTES) throw new AppError('DECRYPT_FAILED', `${cipherName} 太短，不是加密文件`);
      try {
        const d = crypto.createDecipheriv('aes-256-gcm', fileKey(shared, salt, index), Buffer.from(iv, 'base64'));
        d.setAAD(aad(folderName, cipherName));
        d.setAuthTag(cipher.subarray(cipher.length - TAG_BYTES));
        return Buffer.concat([d.update(cipher.subarray(0, cipher.length - TAG_BYTES)), d.final()]);
      } catch {
        throw new AppError('DECRYPT_FAILED', `${cipherName} 解密失败：密文被改动或已损坏（认证标签不符）`);
      }
    },
  };
}

const fileKey = (shared: Buffer, salt: Buffer, index: number) =>
  Buffer.from(crypto.hkdfSync('sha256', shared, salt, `dibao-package/2 file ${index}`, 32));

const aad = (folderName: string, cipherName: string) => Buffer.from(`${folderName}/${cipherName}`, 'utf8');

function x25519Public(raw: Buffer): crypto.KeyObject {
  if (raw.length !== 32) throw new AppError('BAD_KEY', 'X25519 公钥应为 32 字节');
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}
