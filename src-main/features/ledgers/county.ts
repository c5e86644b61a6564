import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../ipc/errors';
import { DATA_FILE, MANIFEST, type Manifest } from './manifest';
import { verifyPackage, type VerifyOptions } from './verify';
import { keyFingerprint, parsePublicKey } from './keys';
import { CATEGORY_ROWS, emptyRow, perCapitaYuan, type StatsRow } from './statsRules';
import type { MonthlyStats } from './stats';
import type { PackagePerson } from './package';
import { countyUnsealer } from './seal';
import { prepared } from '../../db/prepared';

/** County mode: registered township keys, package import with sequence rules, roll-up and cross-township checks. */
export interface RegisteredTownship { divisionCode: string; name: string; keyFingerprint: string; registeredAt: string; lastSequence: number | null }

export function registerTownship(sqlite: Database.Database, t: { divisionCode: string; name: string; publicKeyPem: string }, by: string) {
  parsePublicKey(t.publicKeyPem);
  const fp = keyFingerprint(t.publicKeyPem);
  const before = sqlite.prepare('SELECT division_code, name, key_fingerprint FROM county_townships WHERE division_code = ?').get(t.divisionCode) ?? null;
  sqlite.prepare(`INSERT INTO county_townships (division_code, name, public_key_pem, key_fingerprint, registered_at, registered_by)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(division_code) DO UPDATE SET name = excluded.name, public_key_pem = excluded.public_key_pem,
    key_fingerprint = excluded.key_fingerprint, registered_at = excluded.registered_at, registered_by = excluded.registered_by`)
    .run(t.divisionCode, t.name, t.publicKeyPem.trim() + '\n', fp, new Date().toISOString(), by);
  return { before, after: { divisionCode: t.divisionCode, name: t.name, keyFingerprint: fp } };
}

export function registeredTownships(sqlite: Database.Database): RegisteredTownship[] {
  return sqlite.prepare(`SELECT t.division_code AS divisionCode, t.name, t.key_fingerprint AS keyFingerprint, t.registered_at AS registeredAt,
    (SELECT MAX(sequence) FROM county_packages p WHERE p.division_code = t.division_code) AS lastSequence
    FROM county_townships t ORDER BY t.division_code`).all() as RegisteredTownship[];
}

/** The public key the county registered for the package's township (null: none). */
export const registeredKey = (sqlite: Database.Database) => (m: Manifest) =>
  (sqlite.prepare('SELECT public_key_pem FROM county_townships WHERE division_code = ?').pluck().get(m.divisionCode) as string | undefined) ?? null;

/**
 * A package as the worker hands it back: signature, hashes and row counts checked, decrypted, its persons read
 * from the verified bytes and made into the rows to store. `personRows` is one JSON array of
 * [身份证号, 姓名, 类别, 村, 户主], sorted by 身份证号 (the index fills in order): one string crosses between the threads
 * instead of thousands of objects, and SQLite reads it itself. `keyFingerprint` is the registered key it was checked
 * against (it must still be the one when stored).
 */
export interface VerifiedPackage {
  manifest: Manifest; statsJson: string; persons: number; personRows: string; manifestSha256: string; keyFingerprint: string;
}

/**
 * The read-only, heavy half of an import (run in a job worker, seconds per package): verifies a package folder
 * against the registered key, decrypts an encrypted one with the county's private key (its plaintext checked against
 * the signed manifest, xlsx rows re-counted) and reads its persons; throws with the reason.
 */
export async function readIncoming(sqlite: Database.Database, dir: string, countyKey: crypto.KeyObject | null,
  step: Pick<VerifyOptions, 'progress' | 'cancelled'> = {}): Promise<VerifiedPackage> {
  const v = await verifyPackage(dir, registeredKey(sqlite),
    { ...step, ...(countyKey ? { unseal: (m: Manifest) => countyUnsealer(m.encryption!, countyKey, m.folderName) } : {}) });
  if (!v.ok || !v.manifest) {
    const first = v.problems[0];
    throw new AppError(first?.code ?? 'VERIFY_FAILED', `拒绝导入：${v.problems.map((p) => p.message).join('；')}`, { problems: v.problems });
  }
  const m = v.manifest;
  if (m.encryption && !v.decrypted) {
    throw new AppError('NEEDS_COUNTY_KEY', `拒绝导入：${m.township?.name ?? m.divisionCode}的报送包已为县民政局加密（公钥指纹 ${m.encryption.countyKeyFingerprint}），请提供县级私钥文件（命令行：county import 文件夹 --key 县级私钥.pem）`);
  }
  // the bytes verification read and hashed, not the files again (a swap after verification would go unseen)
  const dataBytes = v.contents?.get(DATA_FILE);
  const manifestBytes = v.contents?.get(MANIFEST);
  if (!dataBytes || !manifestBytes || !v.keyFingerprint) throw new AppError('VERIFY_FAILED', `拒绝导入：包中没有已校验的 ${DATA_FILE}`);
  const data = JSON.parse(dataBytes.toString('utf8')) as { stats: MonthlyStats; persons: PackagePerson[] };
  const manifestSha256 = crypto.createHash('sha256').update(manifestBytes).digest('hex');
  const personRows = personRowsOf(data.persons); // first: it refuses a data.json without a list of persons
  if (!data.stats) throw new AppError('BAD_DATA', `拒绝导入：${DATA_FILE} 中没有月度统计`);
  return { manifest: m, statsJson: JSON.stringify(data.stats), persons: data.persons.length, personRows, manifestSha256, keyFingerprint: v.keyFingerprint };
}

const PERSON_FIELDS = [['idNumber', '身份证号'], ['name', '姓名'], ['category', '类别'], ['village', '村'], ['headName', '户主']] as const;

/** The rows to store, sorted by 身份证号; a person with a field missing is refused by its place in data.json (not a crash in the write). */
function personRowsOf(persons: PackagePerson[]): string {
  if (!Array.isArray(persons)) throw new AppError('BAD_DATA', `拒绝导入：${DATA_FILE} 中没有人员名单`);
  const rows = persons.map((x, i) => PERSON_FIELDS.map(([k, label]) => {
    const v = (x as unknown as Record<string, unknown> | null)?.[k];
    if (typeof v !== 'string') throw new AppError('BAD_DATA', `拒绝导入：${DATA_FILE} 第 ${i + 1} 个人员的${label}缺失或不是文字`);
    return v;
  }));
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify(rows);
}

/**
 * The township's sequence rules, checked against what is stored now (call inside the write transaction, so two
 * imports of one package cannot both pass): a repeat, an earlier package or a shorter audit chain is refused; a gap,
 * a declared audit rollback and an unencrypted package are warnings. Also refuses a package whose township's key
 * was registered anew while the worker checked it. Returns the warnings.
 */
export function admitPackage(sqlite: Database.Database, p: VerifiedPackage): string[] {
  const m = p.manifest;
  const pem = registeredKey(sqlite)(m);
  if (!pem || keyFingerprint(pem) !== p.keyFingerprint) {
    throw new AppError('KEY_CHANGED', `拒绝导入：校验期间${m.township.name}登记的公钥被更换或删除，请重新导入`);
  }
  const seen = sqlite.prepare('SELECT sequence, period, imported_at AS importedAt FROM county_packages WHERE division_code = ? ORDER BY sequence')
    .all(m.divisionCode) as { sequence: number; period: string; importedAt: string }[];
  const same = seen.find((s) => s.sequence === m.sequence);
  if (same) throw new AppError('REPEATED_SEQUENCE', `拒绝导入：${m.township.name}第 ${m.sequence} 号报送包已于 ${same.importedAt.slice(0, 10)} 导入过（重复报送）`);
  const last = seen.at(-1)?.sequence ?? 0;
  if (m.sequence < last) {
    throw new AppError('OUT_OF_ORDER', `拒绝导入：${m.township.name}已导入第 ${last} 号报送包，第 ${m.sequence} 号是更早的包（顺序错误）`);
  }
  const shorter = auditShorterThanBefore(sqlite, m);
  if (shorter && !shorter.declared) throw new AppError('AUDIT_SHORTER', `拒绝导入：${shorter.message}`);
  const warnings = m.sequence > last + 1 ? [`${m.township.name}缺少第 ${last + 1}${m.sequence - 1 > last + 1 ? `–${m.sequence - 1}` : ''} 号报送包`] : [];
  if (shorter?.declared) warnings.push(shorter.message);
  if (!m.encryption) warnings.push(`${m.township.name}第 ${m.sequence} 号报送包未加密（乡镇尚未登记县民政局的加密公钥）：请把县级公钥交给乡镇登记，并提醒其妥善处理这个U盘`);
  return warnings;
}

/**
 * Each package carries the township's audit chain length (an anchor). A later package with a shorter chain means
 * the township's database was replaced by an older copy or its newest audit rows were deleted: the county sees it.
 */
function auditShorterThanBefore(sqlite: Database.Database, m: Manifest): { message: string; declared: boolean } | null {
  if (!m.audit) return null;
  const prev = sqlite.prepare('SELECT sequence, manifest_json FROM county_packages WHERE division_code = ? AND sequence < ? ORDER BY sequence DESC LIMIT 1')
    .get(m.divisionCode, m.sequence) as { sequence: number; manifest_json: string } | undefined;
  const prevManifest = prev ? (JSON.parse(prev.manifest_json) as Manifest) : undefined;
  const before = prevManifest?.audit;
  if (!before || m.audit.rows >= before.rows) return null;
  // the township declares (in the signed manifest) that an administrator gave up that package's head on purpose
  const declared = m.auditRollbacks?.find((r) => r.package === prevManifest!.folderName && r.rows === before.rows);
  if (declared) {
    return { declared: true, message: `${m.township.name}于 ${declared.at.slice(0, 10)} 由管理员恢复了较旧的备份并接受审计链回退：第 ${prev!.sequence} 号包时的 ${before.rows} 条审计记录已回退到 ${declared.rolledBackTo} 条，请向乡镇了解理由` };
  }
  return { declared: false, message: `${m.township.name}第 ${m.sequence} 号报送包记录的审计记录只有 ${m.audit.rows} 条，少于第 ${prev!.sequence} 号包的 ${before.rows} 条：乡镇的数据库可能被换成了旧的，或最新的审计记录被删除，请与乡镇核实` };
}

/**
 * Stores a verified package and its persons (call inside ONE transaction, after admitPackage). It runs in the main
 * process and blocks it, so the persons go in one statement that reads the worker's JSON rows in SQLite itself:
 * about half the time of 8,000 single-row INSERTs bound from JavaScript (bench: 21 against 40 ms).
 */
export function storePackage(sqlite: Database.Database, p: VerifiedPackage, by: string): number {
  const m = p.manifest;
  const id = Number(sqlite.prepare(`INSERT INTO county_packages (division_code, township_name, period, sequence, manifest_sha256, manifest_json,
    stats_json, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(m.divisionCode, m.township.name, m.period, m.sequence,
    p.manifestSha256, JSON.stringify(m), p.statsJson, new Date().toISOString(), by).lastInsertRowid);
  const stored = prepared(sqlite, `INSERT INTO county_persons (package_id, division_code, period, id_number, name, category, village, head_name)
    SELECT ?, ?, ?, r.value ->> 0, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4 FROM json_each(?) r`)
    .run(id, m.divisionCode, m.period, p.personRows).changes;
  if (stored !== p.persons) throw new AppError('INTERNAL', `内部错误：应写入 ${p.persons} 人，实际 ${stored} 人`);
  return id;
}

/** The newest package of each township for a period (a corrected re-export replaces the earlier one). */
const LATEST = `SELECT p.* FROM county_packages p WHERE p.period = ? AND p.sequence =
  (SELECT MAX(q.sequence) FROM county_packages q WHERE q.division_code = p.division_code AND q.period = p.period)`;

export function importedPackages(sqlite: Database.Database) {
  return sqlite.prepare(`SELECT id, division_code AS divisionCode, township_name AS townshipName, period, sequence, imported_at AS importedAt,
    imported_by AS importedBy, (SELECT COUNT(*) FROM county_persons c WHERE c.package_id = p.id) AS persons
    FROM county_packages p ORDER BY imported_at DESC, id DESC LIMIT 200`).all();
}

export interface Rollup {
  period: string;
  townships: { divisionCode: string; name: string; sequence: number; total: StatsRow; checksOk: boolean }[];
  rows: StatsRow[]; total: StatsRow;
}

export function rollup(sqlite: Database.Database, period: string): Rollup {
  const packages = sqlite.prepare(`${LATEST} ORDER BY p.division_code`).all(period) as
    { division_code: string; township_name: string; sequence: number; stats_json: string }[];
  const rows = new Map(CATEGORY_ROWS.map((c) => [c, emptyRow(c)]));
  const total = emptyRow('合计');
  const townships = packages.map((p) => {
    const s = JSON.parse(p.stats_json) as MonthlyStats;
    for (const r of s.rows) { const into = rows.get(r.category); if (into) addInto(into, r); }
    addInto(total, s.total);
    return { divisionCode: p.division_code, name: p.township_name, sequence: p.sequence, total: s.total, checksOk: s.checksOk };
  });
  for (const r of [...rows.values(), total]) r.perCapitaYuan = perCapitaYuan(r.fundsFen, r.persons);
  return { period, townships, rows: [...rows.values()], total };
}

function addInto(a: StatsRow, b: StatsRow) {
  for (const k of Object.keys(a) as (keyof StatsRow)[]) {
    if (typeof a[k] === 'number' && k !== 'perCapitaYuan') (a[k] as number) += (b[k] as number) ?? 0;
  }
  for (const k of Object.keys(a.labour)) a.labour[k] += b.labour[k] ?? 0;
  for (const k of Object.keys(a.causes)) a.causes[k] += b.causes[k] ?? 0;
}

export interface DuplicatePerson { idNumber: string; name: string; entries: { township: string; divisionCode: string; category: string; village: string }[] }

/**
 * 异地重复 (kind 'townships'): the same 身份证号 on the rosters of two townships; 低保+特困 (kind 'tekun'): the same
 * person listed under a 低保 category and a 特困 category. Both over the newest package of each township.
 */
export function duplicates(sqlite: Database.Database, period: string, kind: 'townships' | 'tekun', page: number, pageSize: number) {
  const latest = `SELECT id FROM (${LATEST})`;
  const having = kind === 'townships'
    ? 'COUNT(DISTINCT c.division_code) > 1'
    : "SUM(c.category IN ('城市低保', '农村低保')) > 0 AND SUM(c.category LIKE '特困%') > 0";
  const keys = `SELECT c.id_number FROM county_persons c WHERE c.package_id IN (${latest}) GROUP BY c.id_number HAVING ${having}`;
  // one GROUP BY over every person for both the page and the total (it was run twice: ~130 ms each at 160,000 persons)
  const page_ = sqlite.prepare(`SELECT id_number, COUNT(*) OVER () AS total FROM (${keys}) ORDER BY id_number LIMIT ? OFFSET ?`)
    .all(period, pageSize, (page - 1) * pageSize) as { id_number: string; total: number }[];
  const ids = page_.map((r) => r.id_number);
  // an empty first page means none at all; a later page past the end has no row to carry the total
  const total = page_[0]?.total ?? (page === 1 ? 0 : sqlite.prepare(`SELECT COUNT(*) FROM (${keys})`).pluck().get(period) as number);
  const rows = ids.length === 0 ? [] : sqlite.prepare(`SELECT c.id_number, c.name, c.division_code, c.category, c.village, p.township_name
    FROM county_persons c JOIN county_packages p ON p.id = c.package_id
    WHERE c.package_id IN (${latest}) AND c.id_number IN (${ids.map(() => '?').join(',')}) ORDER BY c.id_number, c.division_code`)
    .all(period, ...ids) as { id_number: string; name: string; division_code: string; category: string; village: string; township_name: string }[];
  const items: DuplicatePerson[] = ids.map((id) => {
    const es = rows.filter((r) => r.id_number === id);
    return { idNumber: id, name: es[0]?.name ?? '', entries: es.map((e) => ({ township: e.township_name, divisionCode: e.division_code, category: e.category, village: e.village })) };
  });
  return { total, page, pageSize, items };
}
