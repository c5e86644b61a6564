import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createServices } from '../src-main/services';
import { initialize } from '../src-main/features/setup/initialize';

/**
 * The county benches' databases, built once and cached in /tmp/dibao-bench-cache: a 4,000-household demo (~10,000
 * members) and SQL copies of it ×10, ×30, ×100 (new household and member ids, the ID's digits 4-6 changed per copy so
 * every 身份证号 stays unique). Change GENERATOR when the demo or the copying changes; a new migration is applied to
 * the cached files (not rebuilt), so runs before and after it compare the same data.
 */
const GENERATOR = 'county-v2';
export const BENCH_CACHE = path.join(os.tmpdir(), 'dibao-bench-cache');
const CACHE = BENCH_CACHE;
const BASE_HOUSEHOLDS = 4_000; // the demo generator is the slow part (minutes for 40,000 on a busy PC)
export const BASE_MEMBERS = 10_000;
let tmpDir: string | null = null;
const scratch = () => (tmpDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-bench-cache-build-')));
process.on('exit', () => { if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true }); });

/** The cached database of `copies` copies of the base demo (1 = the base itself). */
export function cachedDb(copies: number): string {
  const migrations = fs.readdirSync(path.resolve('drizzle')).filter((f) => f.endsWith('.sql')).length;
  const file = path.join(CACHE, `${GENERATOR}-m${migrations}-x${copies}.db`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(CACHE, { recursive: true });
  if (upgradeOlder(copies, file)) return file;
  if (copies === 1) return buildBase(file);
  const base = cachedDb(1);
  const t0 = performance.now();
  fs.copyFileSync(base, `${file}.partial`);
  const db = new Database(`${file}.partial`);
  db.pragma('journal_mode = WAL');
  const hhMax = db.prepare('SELECT MAX(id) FROM households').pluck().get() as number;
  const mMax = db.prepare('SELECT MAX(id) FROM members').pluck().get() as number;
  const hhCols = (db.prepare('PRAGMA table_info(households)').all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id' && c !== 'head_member_id');
  const mCols = (db.prepare('PRAGMA table_info(members)').all() as { name: string }[]).map((c) => c.name).filter((c) => !['id', 'household_id', 'id_number'].includes(c));
  db.transaction(() => {
    for (let k = 1; k < copies; k++) {
      db.prepare(`INSERT INTO households (id, head_member_id, ${hhCols.join(', ')}) SELECT id + ${k * hhMax}, head_member_id + ${k * mMax}, ${hhCols.join(', ')}
        FROM households WHERE id <= ${hhMax}`).run();
      db.prepare(`INSERT INTO members (id, household_id, id_number, ${mCols.join(', ')})
        SELECT id + ${k * mMax}, household_id + ${k * hhMax}, substr(id_number, 1, 3) || printf('%03d', ${k}) || substr(id_number, 7), ${mCols.join(', ')}
        FROM members WHERE id <= ${mMax}`).run();
    }
  })();
  db.exec('ANALYZE');
  db.close();
  fs.renameSync(`${file}.partial`, file);
  process.stderr.write(`county: built ${path.basename(file)} in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  return file;
}

/**
 * A cached file of an older migration count is migrated instead of rebuilt (the demo build takes minutes): the data
 * stays the same, so runs before and after a migration compare like with like.
 */
function upgradeOlder(copies: number, file: string): boolean {
  const older = fs.readdirSync(CACHE).filter((f) => new RegExp(`^${GENERATOR}-m\\d+-x${copies}\\.db$`).test(f))
    .sort((a, b) => Number(/-m(\d+)-/.exec(b)![1]) - Number(/-m(\d+)-/.exec(a)![1]))[0];
  if (!older) return false;
  const t0 = performance.now();
  const dir = path.join(scratch(), `upgrade-x${copies}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(CACHE, older), path.join(dir, 'dibao.db'));
  const s = createServices(dir); // opening applies the pending migrations
  s.handle.sqlite.exec('ANALYZE');
  s.handle.sqlite.exec(`VACUUM INTO '${`${file}.partial`.replace(/'/g, "''")}'`);
  s.close();
  fs.renameSync(`${file}.partial`, file);
  fs.rmSync(path.join(CACHE, older));
  fs.rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`county: migrated ${older} to ${path.basename(file)} in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  return true;
}

function buildBase(file: string): string {
  const t0 = performance.now();
  const dir = path.join(scratch(), 'base');
  const s = createServices(dir);
  s.handle.sqlite.transaction(() => initialize(s.handle.sqlite, {
    township: { name: '青溪镇', divisionCode: '510902105000', county: '示范县' },
    admin: { username: 'admin', displayName: '管理员', password: 'admin123' }, demo: true, seed: 11, households: BASE_HOUSEHOLDS,
  }, '2026-11-22'))();
  s.handle.sqlite.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
  s.close();
  process.stderr.write(`county: built the base demo in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  return file;
}
