import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { percentile, type BenchRow } from './lib';
import { emitRows } from './emit';
import { createServices, CLI_ACTOR, type Services } from '../src-main/services';
import { initialize } from '../src-main/features/setup/initialize';

/**
 * County-scale rows (issue 17 item 4): search p95 over 100,000 (< 5 ms) and 1,000,000 members (< 20 ms), and a
 * sorted, filtered list page at 300,000 members (< 20 ms).
 *
 * Building a million members through the demo generator takes far too long, so a 4,000-household demo (~10,000
 * members) is built once and copied in SQL (new household and member ids, the ID's digits 4-6 changed per copy so
 * every 身份证号 stays unique; names, pinyin and the last 6 ID digits repeat, as they do across a county). The files are
 * cached in /tmp under the generator version and reused; change GENERATOR when the schema or demo changes.
 * COUNTY_SCALES=100000,300000 limits the scales.
 */
const GENERATOR = 'county-v2';
const CACHE = path.join(os.tmpdir(), 'dibao-bench-cache');
const BASE_HOUSEHOLDS = 4_000; // ~10,000 members; the demo generator is the slow part (minutes for 40,000 on a busy PC)
const BASE_MEMBERS = 10_000;
const scales = (process.env.COUNTY_SCALES ?? '100000,300000,1000000').split(',').map(Number);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-bench-county-'));
const rows: BenchRow[] = [];

/** The cached database of `copies` copies of the base demo (1 = the base itself). */
function cachedDb(copies: number): string {
  const migrations = fs.readdirSync(path.resolve('drizzle')).filter((f) => f.endsWith('.sql')).length; // a new migration rebuilds
  const file = path.join(CACHE, `${GENERATOR}-m${migrations}-x${copies}.db`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(CACHE, { recursive: true });
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

function buildBase(file: string): string {
  const t0 = performance.now();
  const dir = path.join(tmp, 'base');
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

/** A data dir holding a copy of the cached database (the cache itself is never opened by the app). */
function township(copies: number): Services {
  const dir = path.join(tmp, `x${copies}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(cachedDb(copies), path.join(dir, 'dibao.db'));
  return createServices(dir);
}

async function timed(s: Services, input: unknown): Promise<number> {
  const t0 = performance.now();
  const r = await s.router.call({ channel: 'households.list', input, actor: CLI_ACTOR });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return performance.now() - t0;
}

async function searchRows(s: Services, target: string) {
  const db = s.handle.sqlite;
  const total = db.prepare('SELECT COUNT(*) FROM members').pluck().get() as number;
  const sample = db.prepare('SELECT name, id_number AS id, pinyin_initials AS py, pinyin_full AS full FROM members ORDER BY random() LIMIT 200').all() as
    { name: string; id: string; py: string; full: string }[];
  const kinds: [string, (m: typeof sample[number]) => string][] = [
    ['name', (m) => m.name], ['ID last 6', (m) => m.id.slice(-6)], ['ID last 4', (m) => m.id.slice(-4)],
    ['pinyin initials', (m) => m.py], ['full pinyin', (m) => m.full], ['full ID', (m) => m.id],
  ];
  for (const [kind, q] of kinds) {
    const times: number[] = [];
    for (const m of sample) times.push(await timed(s, { q: q(m), pageSize: 100 }));
    rows.push({ name: `county: search ${kind} over ${total} members: p95 (median)`, value: percentile(times, 95), unit: 'ms', target, baseline: percentile(times, 50) });
  }
  return total;
}

async function listRow(s: Services) {
  const db = s.handle.sqlite;
  const total = db.prepare('SELECT COUNT(*) FROM members').pluck().get() as number;
  const village = db.prepare("SELECT village_id FROM households GROUP BY village_id ORDER BY COUNT(*) DESC LIMIT 1").pluck().get() as number;
  const cases: [string, unknown][] = [
    ['sorted by head, filtered 在保, page 50', { status: '在保', sort: 'head', dir: 'asc', page: 50, pageSize: 100 }],
    ['sorted by amount, filtered by village + 在保, page 20', { status: '在保', villageId: village, sort: 'amount', dir: 'desc', page: 20, pageSize: 100 }],
    ['unfiltered, sorted by head, page 200', { sort: 'head', dir: 'asc', page: 200, pageSize: 100 }],
  ];
  for (const [what, input] of cases) {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) times.push(await timed(s, input));
    rows.push({ name: `county: list ${what} at ${total} members: median of 7 (worst)`, value: percentile(times, 50), unit: 'ms', target: '< 20 ms', baseline: Math.max(...times) });
  }
}

try {
  for (const n of scales) {
    const copies = Math.max(1, Math.round(n / BASE_MEMBERS));
    const s = township(copies);
    try {
      if (n <= 100_000) await searchRows(s, '< 5 ms');
      else if (n < 1_000_000) await listRow(s);
      else await searchRows(s, '< 20 ms');
    } finally { s.close(); }
  }
  emitRows(rows);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
