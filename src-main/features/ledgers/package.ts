import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../ipc/errors';
import { appRoot } from '../../paths';
import type { Township } from '../settings/store';
import { ledgerAvailable, ledgers, ledgerSheets } from './registry';
import { readClosed, monthRow } from '../payroll/snapshot';
import { periodLabel } from './period';
import { monthlyStats, type MonthlyStats } from './stats';
import { statsSheets } from './statsWorkbook';
import { writeLedgerWorkbook, type LedgerSheet } from './xlsx';
import { keyFingerprint, sign, townshipKeys } from './keys';
import { DATA_FILE, folderNameOf, MANIFEST, PACKAGE_FORMAT, sha256File, SIGNATURE, type Manifest, type ManifestFile } from './manifest';
import { verifyPackage, type VerifyResult } from './verify';
import { reserveSequence, settleReservation } from './reservations';
import { chainHead } from '../audit/anchors';
import { getCountyKey } from './countyKey';
import { newSealer, type Sealer } from './seal';
import { storedWaivers } from '../backup/waivers';
import { producePdf } from '../../print/render';
import type { Actor } from '../../ipc/contract';

export interface PackageJob {
  sqlite: Database.Database; dataDir: string; actor: Actor; township: Township; period: string; destination: string; createdBy: string;
  acceptFailedChecks: boolean; progress(message: string, done: number, total: number): void; cancelled(): boolean;
  /** Writes the files into the unfinished folder elsewhere (the channel: in a worker thread); default here, writePackageFiles. */
  writeFiles?: (dir: string) => Promise<ManifestFile[]>;
}
export interface PackageResult {
  folderName: string; path: string; sequence: number; manifest: Manifest; manifestSha256: string; verify: VerifyResult;
  /** Encrypted for the county's registered key; false (with a warning) while no county key is registered. */
  encrypted: boolean; warnings: string[];
}

/** Said on the export page, in the CLI and in the result whenever a package leaves unencrypted. */
export const UNENCRYPTED_WARNING = '未登记县民政局的加密公钥：本报送包未加密，U盘丢失会泄露花名册中的身份证号、姓名和银行账号。请尽快在“台账报送”中登记县民政局提供的公钥（并电话核对指纹），此后导出的包只有县民政局能打开';

/** The person list the county joins on (身份证号): covered members of the households on the roster. */
export interface PackagePerson { idNumber: string; name: string; category: string; village: string; headName: string }


/**
 * Writes `<division-code>_<period>_<seq>/` on the destination: every available ledger, the monthly statistics,
 * data.json for the county roll-up and the signed manifest. Everything goes into a folder named 未完成_…,
 * each file is fsynced, the whole folder is read back and verified with the township's public key, and only then
 * renamed to its real name. On any failure the 未完成 folder is removed (or, if the drive is gone, named so).
 */
export async function writePackage(job: PackageJob): Promise<PackageResult> {
  requireClosedMonth(job.sqlite, job.period);
  const stats = monthlyStats(job.sqlite, job.period, job.township);
  if (!stats.checksOk && !job.acceptFailedChecks) {
    const failed = stats.checks.filter((c) => !c.ok).map((c) => `${c.name}（${c.detail}）`);
    throw new AppError('CHECKS_FAILED', `月度统计表校验未通过，未导出：${failed.join('；')}`, { checks: stats.checks });
  }
  const audit = chainHead(job.sqlite); // before writing: the export's own audit row comes after the package
  const { sequence, folderName } = reserveSequence(job.sqlite, { period: job.period, destination: job.destination,
    folderName: (seq) => folderNameOf(job.township.divisionCode, job.period, seq) });
  const finalDir = path.join(job.destination, folderName);
  if (fs.existsSync(finalDir)) {
    settleReservation(job.sqlite, sequence, 'abandoned', '目标位置已有同名文件夹');
    throw new AppError('CONFLICT', `目标位置已有同名文件夹 ${folderName}，请换一个位置或先移走它`);
  }
  const tmpDir = path.join(job.destination, `未完成_${folderName}_${crypto.randomBytes(3).toString('hex')}`);
  const countyKey = getCountyKey(job.sqlite);
  // encrypted packages: the plaintext files are written in the data dir (0700), only ciphertext goes to the stick
  let staging: string | null = null;
  try {
    if (countyKey) staging = newStagingDir(job.dataDir, folderName);
    fs.mkdirSync(tmpDir);
    const plain = job.writeFiles ? await job.writeFiles(staging ?? tmpDir) : await writeFiles(job, staging ?? tmpDir, stats);
    const sealer = countyKey ? newSealer(countyKey.publicKey, folderName) : null;
    const files = sealer ? await sealFiles(sealer, staging ?? tmpDir, tmpDir, plain) : plain;
    const { publicKeyPem, privateKey } = townshipKeys(job.sqlite);
    const manifest: Manifest = {
      format: PACKAGE_FORMAT, township: job.township, divisionCode: job.township.divisionCode, period: job.period, sequence,
      // an encrypted package names nobody in clear: the exporting clerk stays in the township's export record
      folderName, appVersion: appVersion(), createdAt: new Date().toISOString(), createdBy: sealer ? '' : job.createdBy,
      keyFingerprint: keyFingerprint(publicKeyPem), files, audit, ...(sealer ? { encryption: sealer.header } : {}), ...rollbacks(job.sqlite),
    };
    const bytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
    await writeDurably(path.join(tmpDir, MANIFEST), bytes);
    await writeDurably(path.join(tmpDir, SIGNATURE), Buffer.from(sign(bytes, privateKey)));
    await syncDir(tmpDir);
    job.progress('正在读回并校验U盘上的文件…', files.length, files.length + 1);
    const check = await verifyPackage(tmpDir, () => publicKeyPem, sealer ? { unseal: () => sealer.unsealer } : {});
    if (sealer && !check.decrypted && check.problems.length === 0) throw new AppError('VERIFY_FAILED', '写入后读回校验失败：加密文件未能解密核对');
    const mismatch = check.problems.filter((p) => p.code !== 'FOLDER_NAME');
    if (mismatch.length) throw new AppError('VERIFY_FAILED', `写入后读回校验失败：${mismatch.map((p) => p.message).join('；')}`);
    fs.renameSync(tmpDir, finalDir);
    try { await syncDir(job.destination); } catch { /* the package is complete and verified; the OS flushes the rename soon */ }
    return { folderName, path: finalDir, sequence, manifest, manifestSha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      verify: { ...check, ok: true, dir: finalDir, problems: [] }, encrypted: !!sealer, warnings: sealer ? [] : [UNENCRYPTED_WARNING] };
  } catch (e) {
    settleReservation(job.sqlite, sequence, 'abandoned', e instanceof Error ? e.message.slice(0, 200) : String(e));
    throw failure(e, tmpDir);
  } finally {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The package heads given up by a restore override, for the county (no reason text: it could name anyone). */
function rollbacks(sqlite: Database.Database): Pick<Manifest, 'auditRollbacks'> {
  const list = storedWaivers(sqlite).waivers.filter((w) => w.anchor.kind === 'package')
    .map((w) => ({ package: w.anchor.ref, rows: w.anchor.rows, rolledBackTo: w.chainRowsAfter, at: w.decidedAt }));
  return list.length ? { auditRollbacks: list } : {};
}

/** Plaintext of an encrypted export, inside the data dir; leftovers of a killed export are removed by the next one. */
export const STAGING_DIR = 'export-staging';

function newStagingDir(dataDir: string, folderName: string): string {
  const root = path.join(dataDir, STAGING_DIR);
  removeStaleStaging(dataDir);
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  const dir = path.join(root, `${folderName}_${crypto.randomBytes(4).toString('hex')}`);
  fs.mkdirSync(dir, { mode: 0o700 });
  return dir;
}

/** Removes staging folders older than half an hour (an export running right now in another process is younger). */
export function removeStaleStaging(dataDir: string, now = Date.now()): string[] {
  const root = path.join(dataDir, STAGING_DIR);
  const removed: string[] = [];
  let names: string[];
  try { names = fs.readdirSync(root); } catch { return removed; }
  for (const name of names) {
    const dir = path.join(root, name);
    try {
      if (now - fs.statSync(dir).mtimeMs < 30 * 60_000) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch { /* listed again at the next start */ }
  }
  return removed;
}

/** Encrypts each staged plaintext file onto the stick as NN.enc; the manifest keeps both hashes and the rows. */
async function sealFiles(sealer: Sealer, staging: string, dir: string, plain: ManifestFile[]): Promise<ManifestFile[]> {
  const sealed: ManifestFile[] = [];
  for (const [i, p] of plain.entries()) {
    const name = `${String(i + 1).padStart(2, '0')}.enc`;
    const { cipher, iv } = sealer.seal(i, name, await fs.promises.readFile(path.join(staging, p.name)));
    await writeDurably(path.join(dir, name), cipher);
    sealed.push({ name, sha256: crypto.createHash('sha256').update(cipher).digest('hex'), bytes: cipher.length, rows: {}, iv,
      plain: { name: p.name, sha256: p.sha256, bytes: p.bytes, rows: p.rows } });
  }
  return sealed;
}

export type PackageFilesJob = Pick<PackageJob, 'sqlite' | 'dataDir' | 'actor' | 'township' | 'period' | 'progress' | 'cancelled'>;

/** The heavy part (every ledger's xlsx, the statistics PDF, data.json): reads only, so it runs in a worker thread. */
export function writePackageFiles(job: PackageFilesJob, dir: string): Promise<ManifestFile[]> {
  return writeFiles(job, dir, monthlyStats(job.sqlite, job.period, job.township));
}

async function writeFiles(job: PackageFilesJob, dir: string, stats: MonthlyStats): Promise<ManifestFile[]> {
  const c = { period: job.period, township: job.township };
  const books: { name: string; sheets: LedgerSheet[] }[] = [
    { name: '00_月度统计表.xlsx', sheets: statsSheets(stats) },
    ...ledgers.filter((l) => ledgerAvailable(job.sqlite, l))
      .map((l, i) => ({ name: `${String(i + 1).padStart(2, '0')}_${l.title}.xlsx`, sheets: ledgerSheets(job.sqlite, l, c) })),
  ];
  const total = books.length + 1;
  const files: ManifestFile[] = [];
  for (const [i, b] of books.entries()) {
    job.progress(`正在写入 ${b.name}`, i, total);
    const file = path.join(dir, b.name);
    const counts = await writeLedgerWorkbook(file, b.sheets, { cancelled: job.cancelled });
    files.push(await describe(file, b.name, counts));
  }
  job.progress('正在生成月度统计表 PDF', books.length, total);
  // straight into the package folder: nothing goes through (or is recorded in) the outbox
  const pdf = await producePdf({ sqlite: job.sqlite, dataDir: job.dataDir, actor: job.actor }, 'ledgers.monthlyStats', { period: job.period });
  const pdfName = '00_月度统计表.pdf';
  await writeDurably(path.join(dir, pdfName), pdf.pdf);
  files.push(await describe(path.join(dir, pdfName), pdfName, {}));
  job.progress(`正在写入 ${DATA_FILE}`, books.length, total);
  const persons = packagePersons(job.sqlite, job.period);
  await writeDurably(path.join(dir, DATA_FILE), Buffer.from(JSON.stringify({ format: PACKAGE_FORMAT, period: job.period, stats, persons })));
  files.push(await describe(path.join(dir, DATA_FILE), DATA_FILE, { persons: persons.length }));
  return files;
}

/**
 * Only a closed (锁定) month goes to the county: its numbers and rosters are frozen, so a package exported again
 * later carries the same month, whatever was decided since.
 */
export function requireClosedMonth(sqlite: Database.Database, period: string) {
  if (!monthRow(sqlite, period)) {
    throw new AppError('NOT_CLOSED', `${periodLabel(period)}的发放名册尚未锁定，不能导出报送包：请审核人在“发放”中核对并锁定该月后再导出`);
  }
}

/** The covered persons of the closed month's payroll, as frozen at 锁定. */
export function packagePersons(sqlite: Database.Database, period: string): PackagePerson[] {
  const p = readClosed(sqlite, period);
  if (!p) return [];
  const lineOf = new Map(p.lines.map((l) => [l.seq, l]));
  return p.persons.filter((x) => x.covered).map((x) => {
    const l = lineOf.get(x.lineSeq)!;
    return { idNumber: x.idNumber, name: x.name, category: l.category, village: l.village, headName: l.headName };
  });
}

async function describe(file: string, name: string, rows: Record<string, number>): Promise<ManifestFile> {
  await fsyncFile(file);
  return { name, sha256: await sha256File(file), bytes: fs.statSync(file).size, rows };
}

// Asynchronous on purpose: an fsync on a slow USB stick can take seconds, and the main process writes the sealed
// files, the manifest and the signature while the window must keep answering.
async function writeDurably(file: string, data: Buffer) {
  const fh = await fs.promises.open(file, 'w');
  try { await fh.writeFile(data); await fh.sync(); } finally { await fh.close(); }
}

async function fsyncFile(file: string) {
  const fh = await fs.promises.open(file, 'r+');
  try { await fh.sync(); } finally { await fh.close(); }
}

/** Flushes a directory entry (renames) to the device; Windows cannot open directories for this and needs no call. */
async function syncDir(dir: string) {
  if (process.platform === 'win32') return;
  const fh = await fs.promises.open(dir, 'r');
  try { await fh.sync(); } finally { await fh.close(); }
}

/** Removes the unfinished folder and says plainly that nothing complete was left behind. */
function failure(e: unknown, tmpDir: string): AppError {
  let left = '';
  try { fs.rmSync(tmpDir, { recursive: true, force: true }); } catch { left = `；未完成的文件夹 ${path.basename(tmpDir)} 无法删除，请手动删除`; }
  const cause = e instanceof AppError ? e.message : describeIoError(e);
  const code = e instanceof AppError ? e.code : 'EXPORT_FAILED';
  return new AppError(code, `报送包未导出：${cause}。U盘上没有留下完整的报送包${left}`);
}

function describeIoError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return 'U盘空间已满';
  if (code === 'EIO' || code === 'ENOENT' || code === 'ENODEV') return 'U盘读写出错或已被拔出';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'U盘只读或无写入权限';
  if (e instanceof Error && e.message === '已取消') return '已取消';
  return (e as Error)?.message ?? String(e);
}

let version: string | null = null;
function appVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
