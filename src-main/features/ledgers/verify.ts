import fs from 'node:fs';
import path from 'node:path';
import { countRows, folderNameOf, MANIFEST, PACKAGE_FORMAT, sha256File, SIGNATURE, type Manifest } from './manifest';
import { keyFingerprint, verifySignature } from './keys';

export interface VerifyProblem { code: string; message: string }
export interface VerifyResult { ok: boolean; dir: string; manifest: Manifest | null; problems: VerifyProblem[]; keyFingerprint: string | null }

/** Returns the trusted public key (PEM) for a township, or null when it is not registered. */
export type KeyResolver = (m: Manifest) => string | null;

/**
 * Checks a package folder: the manifest's Ed25519 signature against a TRUSTED key (never a key shipped inside
 * the package), the folder name, every file's size, SHA-256 and row counts, and that no file was added.
 */
export async function verifyPackage(dir: string, resolveKey: KeyResolver): Promise<VerifyResult> {
  const problems: VerifyProblem[] = [];
  const done = (manifest: Manifest | null, fp: string | null = null): VerifyResult =>
    ({ ok: problems.length === 0, dir, manifest, problems, keyFingerprint: fp });
  const manifestPath = path.join(dir, MANIFEST);
  if (!fs.existsSync(manifestPath) || !fs.existsSync(path.join(dir, SIGNATURE))) {
    problems.push({ code: 'NOT_A_PACKAGE', message: `${path.basename(dir)} 中没有 ${MANIFEST} 或 ${SIGNATURE}：不是完整的报送包（可能是未完成的导出）` });
    return done(null);
  }
  const bytes = fs.readFileSync(manifestPath);
  let manifest: Manifest;
  try { manifest = JSON.parse(bytes.toString('utf8')) as Manifest; } catch {
    problems.push({ code: 'BAD_MANIFEST', message: `${MANIFEST} 不是合法的 JSON：文件已损坏或被改动` });
    return done(null);
  }
  if (manifest.format !== PACKAGE_FORMAT || !Array.isArray(manifest.files)) {
    problems.push({ code: 'BAD_MANIFEST', message: `${MANIFEST} 的格式不是本系统的报送包（${String(manifest.format)}）` });
    return done(null);
  }
  const pem = resolveKey(manifest);
  if (!pem) {
    problems.push({ code: 'UNKNOWN_KEY', message: `未登记${manifest.township?.name ?? ''}（区划代码 ${manifest.divisionCode}）的公钥，无法确认包的来源；请先登记该乡镇导出的公钥` });
    return done(manifest);
  }
  const fp = keyFingerprint(pem);
  if (!verifySignature(bytes, fs.readFileSync(path.join(dir, SIGNATURE), 'utf8'), pem)) {
    problems.push(fp !== manifest.keyFingerprint
      ? { code: 'WRONG_KEY', message: `签名公钥不符：包由指纹 ${manifest.keyFingerprint} 的密钥签名，登记的公钥指纹为 ${fp}` }
      : { code: 'BAD_SIGNATURE', message: `${MANIFEST} 的签名不正确：清单在签名后被改动过` });
    return done(manifest, fp);
  }
  const expected = folderNameOf(manifest.divisionCode, manifest.period, manifest.sequence);
  if (path.basename(dir) !== expected) {
    problems.push({ code: 'FOLDER_NAME', message: `文件夹名 ${path.basename(dir)} 与清单不符（应为 ${expected}）：可能是未完成或被改名的导出` });
  }
  for (const f of manifest.files) problems.push(...(await checkFile(dir, f)));
  const listed = new Set([MANIFEST, SIGNATURE, ...manifest.files.map((f) => f.name)]);
  for (const name of fs.readdirSync(dir)) {
    if (!listed.has(name)) problems.push({ code: 'EXTRA_FILE', message: `包内多出清单外的文件：${name}` });
  }
  return done(manifest, fp);
}

async function checkFile(dir: string, f: Manifest['files'][number]): Promise<VerifyProblem[]> {
  const file = path.join(dir, f.name);
  if (path.basename(f.name) !== f.name) return [{ code: 'BAD_MANIFEST', message: `清单中的文件名不合法：${f.name}` }];
  if (!fs.existsSync(file)) return [{ code: 'MISSING_FILE', message: `缺少文件：${f.name}` }];
  const size = fs.statSync(file).size;
  if (size !== f.bytes) return [{ code: 'HASH_MISMATCH', message: `${f.name} 的大小不符（清单 ${f.bytes} 字节，实际 ${size} 字节）：文件不完整或被改动` }];
  if ((await sha256File(file)) !== f.sha256) return [{ code: 'HASH_MISMATCH', message: `${f.name} 的内容与清单的 SHA-256 不符：文件已损坏或被改动` }];
  const expected = Object.values(f.rows);
  if (expected.length === 0) return [];
  let actual: number[];
  try { actual = await countRows(file, f.name); } catch {
    return [{ code: 'ROW_COUNT', message: `${f.name} 无法读取（文件已损坏）` }];
  }
  if (actual.join(',') !== expected.join(',')) {
    return [{ code: 'ROW_COUNT', message: `${f.name} 的行数不符（清单 ${expected.join('/')}，实际 ${actual.join('/')}）` }];
  }
  return [];
}
