import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile, type BenchRow } from './lib';
import { emitRows } from './emit';
import { createServices, CLI_ACTOR, type Services } from '../src-main/services';
import { cachedDb, BASE_MEMBERS } from './countyCache';
import { previousListPage } from './legacyList';
import { listHouseholds } from '../src-main/features/households/queries';
import { listInput } from '../src-main/features/households/schemas';
import { classifyIdQuery } from '../src-main/domain/idNumber';

/**
 * County-scale rows (issue 17 item 4): search p95 over 100,000 (< 5 ms) and 1,000,000 members (< 20 ms), and a
 * sorted, filtered list page at 300,000 members (< 20 ms).
 *
 * Building a million members through the demo generator takes far too long, so a 4,000-household demo (~10,000
 * members) is built once and copied in SQL (new household and member ids, the ID's digits 4-6 changed per copy so
 * every 身份证号 stays unique; names, pinyin and the last 6 ID digits repeat, as they do across a county). The files are
 * cached in /tmp (bench/countyCache.ts). Each row's baseline is the query as it was before issue 17a (bench/legacyList.ts)
 * on the same data in the same run, and the row names carry the load average (other engineers share the CPU).
 * COUNTY_SCALES=100000,300000 limits the scales.
 */
const scales = (process.env.COUNTY_SCALES ?? '100000,300000,1000000').split(',').map(Number);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-bench-county-'));
const rows: BenchRow[] = [];

/** A data dir holding a copy of the cached database (the cache itself is never opened by the app). */
function township(copies: number): Services {
  const dir = path.join(tmp, `x${copies}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(cachedDb(copies), path.join(dir, 'dibao.db'));
  return createServices(dir);
}

const load = () => os.loadavg()[0].toFixed(1);

/** One call through the channel as the app makes it, and the same input through the query as it was before 17a. */
async function timed(s: Services, input: unknown): Promise<number> {
  const t0 = performance.now();
  const r = await s.router.call({ channel: 'households.list', input, actor: CLI_ACTOR });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return performance.now() - t0;
}
function timedDirect(s: Services, input: unknown, before: boolean): number {
  const t0 = performance.now();
  if (before) previousListPage(s.handle.sqlite, input);
  else listHouseholds(s.handle.sqlite, listInput.parse(input));
  return performance.now() - t0;
}

/**
 * The channel (what the app waits for: validation, query, log line), and the new and the old query called directly
 * (the baseline), in turns so neither always runs on the other's warm cache.
 */
async function threeWays(s: Services, input: unknown, k: number, t: { channel: number[]; now: number[]; before: number[] }) {
  if (k % 2) t.before.push(timedDirect(s, input, true));
  t.channel.push(await timed(s, input));
  t.now.push(timedDirect(s, input, false));
  if (!(k % 2)) t.before.push(timedDirect(s, input, true));
}
const times = () => ({ channel: [] as number[], now: [] as number[], before: [] as number[] });

async function searchRows(s: Services, target: string) {
  const db = s.handle.sqlite;
  const total = db.prepare('SELECT COUNT(*) FROM members').pluck().get() as number;
  const sample = db.prepare('SELECT name, id_number AS id, pinyin_initials AS py, pinyin_full AS full FROM members ORDER BY random() LIMIT 200').all() as
    { name: string; id: string; py: string; full: string }[];
  // the copies' IDs have a wrong check digit (digits 4-6 were changed), so a full ID is sampled from the base copy:
  // an invalid 18-digit ID is searched as a suffix, and this row is about the full-ID lookup
  const valid = (db.prepare('SELECT id_number FROM members ORDER BY random() LIMIT 40000').pluck().all() as string[])
    .filter((id) => classifyIdQuery(id).kind === 'full').slice(0, 200);
  const kinds: [string, (m: typeof sample[number], k: number) => string][] = [
    ['name', (m) => m.name], ['ID last 6', (m) => m.id.slice(-6)], ['ID last 4', (m) => m.id.slice(-4)],
    ['pinyin initials', (m) => m.py], ['full pinyin', (m) => m.full], ['full ID', (_m, k) => valid[k % valid.length]],
  ];
  for (const [kind, q] of kinds) {
    const l0 = load();
    const t = times();
    for (const [k, m] of sample.entries()) await threeWays(s, { q: q(m, k), pageSize: 100 }, k, t);
    rows.push({ name: `county: search ${kind} over ${total} members: p95 through the channel (query alone ${percentile(t.now, 95).toFixed(1)}); baseline = the query before 17a, same run (load ${l0}→${load()})`,
      value: percentile(t.channel, 95), unit: 'ms', target, baseline: percentile(t.before, 95) });
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
    const l0 = load();
    const t = times();
    for (let k = 0; k < 7; k++) await threeWays(s, input, k, t);
    rows.push({ name: `county: list ${what} at ${total} members: median of 7 through the channel (worst ${Math.max(...t.channel).toFixed(1)}, query alone ${percentile(t.now, 50).toFixed(1)}); baseline = the query before 17a (load ${l0}→${load()})`,
      value: percentile(t.channel, 50), unit: 'ms', target: '< 20 ms', baseline: percentile(t.before, 50) });
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
