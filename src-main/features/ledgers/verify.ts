import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { AppError } from '../../ipc/errors';
import { countRows, folderNameOf, MANIFEST, PACKAGE_FORMAT, SIGNATURE, type Manifest } from './manifest';
import { keyFingerprint, verifySignature } from './keys';
import type { Unsealer } from './seal';

export interface VerifyProblem { code: string; message: string }
export interface VerifyResult {
  ok: boolean; dir: string; manifest: Manifest | null; problems: VerifyProblem[]; keyFingerprint: string | null;
  /** The files are encrypted for the county; `decrypted` when they were also opened and checked as plaintext. */
  encrypted?: boolean; decrypted?: boolean;
  /** The bytes that were verified, by file name: a caller uses these, never the files again (they could change after). */
  contents?: Map<string, Buffer>;
}

/** Returns the trusted public key (PEM) for a township, or null when it is not registered. */
export type KeyResolver = (m: Manifest) => string | null;

/** An Ed25519 signature in base64 (64 bytes = 86 characters and "=="), nothing else but a final newline. */
const SIGNATURE_TEXT = /^[A-Za-z0-9+/]{86}==\r?\n?$/;

/**
 * Reads a file of the package once, refusing a symbolic link (the link, the file it points to or a swap between
 * check and read: O_NOFOLLOW where the OS has it) and anything that is not a plain file.
 */
export function readPlainFile(file: string): Buffer {
  const st = fs.lstatSync(file);
  if (st.isSymbolicLink()) throw new AppError('SYMLINK', `${path.basename(file)} 是符号链接，不是包内的文件`);
  if (!st.isFile()) throw new AppError('NOT_A_FILE', `${path.basename(file)} 不是普通文件`);
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try { return fs.readFileSync(fd); } finally { fs.closeSync(fd); }
}

/**
 * Checks a package folder: the manifest's Ed25519 signature against a TRUSTED key (never a key shipped inside
 * the package), the folder name, every file's size, SHA-256 and row counts, and that no file was added. Every file
 * is read once into memory and checked there; the caller gets those same bytes back in `contents`.
 */
export interface VerifyOptions {
  /** Opens an encrypted package (the county's private key, or the exporting township's read-back right after writing). */
  unseal?: (m: Manifest) => Unsealer;
  /** Told what the check does now, for a job's bar (正在校验签名 / 正在解密 / 已读 N 行). */
  progress?: (message: string, done: number, total: number) => void;
  /** Looked at between files: a cancelled check stops reading. */
  cancelled?: () => boolean;
}

type Step = Required<Pick<VerifyOptions, 'progress' | 'cancelled'>>;
const stepsOf = (opts: VerifyOptions): Step => ({ progress: opts.progress ?? (() => {}), cancelled: opts.cancelled ?? (() => false) });
const stopIfCancelled = (step: Step) => { if (step.cancelled()) throw new AppError('CANCELLED', '已取消'); };

export async function verifyPackage(dir: string, resolveKey: KeyResolver, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const problems: VerifyProblem[] = [];
  const contents = new Map<string, Buffer>();
  const step = stepsOf(opts);
  let decrypted = false;
  // not enumerable: the bytes stay in this process, out of the channel's JSON answer
  const done = (manifest: Manifest | null, fp: string | null = null): VerifyResult =>
    Object.defineProperty({ ok: problems.length === 0, dir, manifest, problems, keyFingerprint: fp, encrypted: !!manifest?.encryption, decrypted },
      'contents', { value: contents, enumerable: false });
  const read = (name: string): Buffer | null => {
    try { return readPlainFile(path.join(dir, name)); } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT') return null;
      problems.push({ code: code === 'SYMLINK' || code === 'ELOOP' ? 'SYMLINK' : 'UNREADABLE', message: `${name}：${e instanceof AppError ? e.message : '无法读取（符号链接或不是普通文件）'}` });
      return null;
    }
  };
  const bytes = read(MANIFEST);
  const sigBytes = read(SIGNATURE);
  if (problems.length) return done(null);
  if (!bytes || !sigBytes) {
    problems.push({ code: 'NOT_A_PACKAGE', message: `${path.basename(dir)} 中没有 ${MANIFEST} 或 ${SIGNATURE}：不是完整的报送包（可能是未完成的导出）` });
    return done(null);
  }
  contents.set(MANIFEST, bytes);
  let manifest: Manifest;
  try { manifest = JSON.parse(bytes.toString('utf8')) as Manifest; } catch {
    problems.push({ code: 'BAD_MANIFEST', message: `${MANIFEST} 不是合法的 JSON：文件已损坏或被改动` });
    return done(null);
  }
  if (manifest?.format !== PACKAGE_FORMAT || !Array.isArray(manifest.files)) {
    problems.push({ code: 'BAD_MANIFEST', message: `${MANIFEST} 的格式不是本系统的报送包（${String(manifest?.format)}）` });
    return done(null);
  }
  const pem = resolveKey(manifest);
  if (!pem) {
    problems.push({ code: 'UNKNOWN_KEY', message: `未登记${manifest.township?.name ?? ''}（区划代码 ${manifest.divisionCode}）的公钥，无法确认包的来源；请先登记该乡镇导出的公钥` });
    return done(manifest);
  }
  const fp = keyFingerprint(pem);
  step.progress('正在校验签名…', 0, 0);
  const sigText = sigBytes.toString('latin1');
  if (!SIGNATURE_TEXT.test(sigText)) {
    problems.push({ code: 'BAD_SIGNATURE', message: `${SIGNATURE} 的内容不是一个签名（含多余或非法字符）：文件被改动` });
    return done(manifest, fp);
  }
  if (!verifySignature(bytes, sigText.trim(), pem)) {
    problems.push(fp !== manifest.keyFingerprint
      ? { code: 'WRONG_KEY', message: `签名公钥不符：包由指纹 ${manifest.keyFingerprint} 的密钥签名，登记的公钥指纹为 ${fp}` }
      : { code: 'BAD_SIGNATURE', message: `${MANIFEST} 的签名不正确：清单在签名后被改动过` });
    return done(manifest, fp);
  }
  const expected = folderNameOf(manifest.divisionCode, manifest.period, manifest.sequence);
  if (path.basename(dir) !== expected) {
    problems.push({ code: 'FOLDER_NAME', message: `文件夹名 ${path.basename(dir)} 与清单不符（应为 ${expected}）：可能是未完成或被改名的导出` });
  }
  step.progress('正在核对文件…', 0, 0);
  for (const [i, f] of manifest.files.entries()) {
    stopIfCancelled(step);
    step.progress(`正在核对文件 ${i + 1} / ${manifest.files.length}`, i, manifest.files.length);
    problems.push(...(await checkFile(f, read, contents, step)));
  }
  if (manifest.encryption && opts.unseal && problems.length === 0) {
    problems.push(...(await openSealed(manifest, opts.unseal, contents, step)));
    decrypted = problems.length === 0;
  }
  const listed = new Set([MANIFEST, SIGNATURE, ...manifest.files.map((f) => f.name)]);
  for (const name of fs.readdirSync(dir)) {
    if (!listed.has(name)) problems.push({ code: 'EXTRA_FILE', message: `包内多出清单外的文件：${name}` });
  }
  return done(manifest, fp);
}

async function checkFile(f: Manifest['files'][number], read: (name: string) => Buffer | null, contents: Map<string, Buffer>, step: Step): Promise<VerifyProblem[]> {
  if (typeof f?.name !== 'string' || path.basename(f.name) !== f.name || f.name.startsWith('.')) return [{ code: 'BAD_MANIFEST', message: `清单中的文件名不合法：${String(f?.name)}` }];
  const buf = read(f.name);
  if (!buf) return [{ code: 'MISSING_FILE', message: `缺少文件或无法读取：${f.name}` }];
  if (buf.length !== f.bytes) return [{ code: 'HASH_MISMATCH', message: `${f.name} 的大小不符（清单 ${f.bytes} 字节，实际 ${buf.length} 字节）：文件不完整或被改动` }];
  if (crypto.createHash('sha256').update(buf).digest('hex') !== f.sha256) return [{ code: 'HASH_MISMATCH', message: `${f.name} 的内容与清单的 SHA-256 不符：文件已损坏或被改动` }];
  contents.set(f.name, buf);
  return checkRows(f, buf, step);
}

async function checkRows(f: { name: string; rows: Record<string, number> }, buf: Buffer, step: Step): Promise<VerifyProblem[]> {
  const expected = Object.values(f.rows ?? {});
  if (expected.length === 0) return [];
  const total = expected.reduce((a, b) => a + b, 0);
  // the header rows are read too: the last count reaches the total, so the engine's throttle never drops it
  const onRows = (n: number) => step.progress(`正在核对行数：${f.name} 已读 ${n} 行`, Math.min(n, total), total);
  let actual: number[];
  try { actual = await countRows(buf, f.name, onRows); } catch {
    return [{ code: 'ROW_COUNT', message: `${f.name} 无法读取（文件已损坏）` }];
  }
  if (actual.join(',') !== expected.join(',')) {
    return [{ code: 'ROW_COUNT', message: `${f.name} 的行数不符（清单 ${expected.join('/')}，实际 ${actual.join('/')}）` }];
  }
  return [];
}

/** Decrypts every file of an encrypted package and checks the plaintext against the signed manifest (hash, size, rows). */
async function openSealed(m: Manifest, unseal: (m: Manifest) => Unsealer, contents: Map<string, Buffer>, step: Step): Promise<VerifyProblem[]> {
  let u: Unsealer;
  try { u = unseal(m); } catch (e) { return [problemOf(e)]; }
  const problems: VerifyProblem[] = [];
  step.progress('正在解密…', 0, 0); // a new phase: never held back by the engine's throttle
  for (const [i, f] of m.files.entries()) {
    const p = f.plain;
    if (!p || typeof f.iv !== 'string' || typeof p.name !== 'string' || path.basename(p.name) !== p.name || p.name.startsWith('.')) {
      problems.push({ code: 'BAD_MANIFEST', message: `清单中 ${f.name} 的加密信息不完整` });
      continue;
    }
    stopIfCancelled(step);
    step.progress(`正在解密 ${i + 1} / ${m.files.length}：${p.name}`, i, m.files.length);
    let plain: Buffer;
    try { plain = u.open(i, f.name, f.iv, contents.get(f.name)!); } catch (e) { problems.push(problemOf(e)); continue; }
    if (plain.length !== p.bytes || crypto.createHash('sha256').update(plain).digest('hex') !== p.sha256) {
      problems.push({ code: 'HASH_MISMATCH', message: `${p.name} 解密后的内容与清单的 SHA-256 不符` });
      continue;
    }
    problems.push(...(await checkRows(p, plain, step)));
    contents.set(p.name, plain);
  }
  return problems;
}

const problemOf = (e: unknown): VerifyProblem => e instanceof AppError
  ? { code: e.code, message: e.message }
  : { code: 'DECRYPT_FAILED', message: `解密失败：${(e as Error)?.message ?? String(e)}` };
