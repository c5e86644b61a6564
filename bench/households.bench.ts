import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile, type BenchRow } from './lib';
import { emitRows } from './emit';
import { createServices, CLI_ACTOR } from '../src-main/services';
import { initialize } from '../src-main/features/setup/initialize';

/**
 * Households benchmarks (issue #3 item 7; the roster import rows moved to roster-import.bench.ts, issue 16):
 *  - search latency (median, p95) over 100,000 members for name, ID-suffix and pinyin queries.
 */
const SEARCH_HOUSEHOLDS = 40_000; // the demo averages ~2.5 members per household → ~100,000 members
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-bench-hh-'));
const rows: BenchRow[] = [];

function freshServices(dir: string, demoHouseholds = 0) {
  const s = createServices(dir);
  s.handle.sqlite.transaction(() => initialize(s.handle.sqlite, {
    township: { name: '青溪镇', divisionCode: '510902105000', county: '示范县' },
    admin: { username: 'admin', displayName: '管理员', password: 'admin123' },
    demo: demoHouseholds > 0, seed: 11, households: Math.max(1, demoHouseholds),
  }, '2026-11-22'))();
  return s;
}

async function searchBench() {
  const s = freshServices(path.join(tmp, 'search'), SEARCH_HOUSEHOLDS);
  const db = s.handle.sqlite;
  const total = (db.prepare('SELECT COUNT(*) AS n FROM members').get() as { n: number }).n;
  process.stderr.write(`search: ${total} members\n`);
  const sample = db.prepare('SELECT name, id_number AS id, pinyin_initials AS py, pinyin_full AS full FROM members ORDER BY random() LIMIT 200').all() as
    { name: string; id: string; py: string; full: string }[];
  const kinds: [string, (m: typeof sample[number]) => string][] = [
    ['name', (m) => m.name], ['ID last 6', (m) => m.id.slice(-6)], ['ID last 4', (m) => m.id.slice(-4)],
    ['pinyin initials', (m) => m.py], ['full pinyin', (m) => m.full], ['full ID', (m) => m.id],
  ];
  for (const [kind, q] of kinds) {
    const times: number[] = [];
    for (const m of sample) {
      const t0 = performance.now();
      const r = await s.router.call({ channel: 'households.list', input: { q: q(m), pageSize: 100 }, actor: CLI_ACTOR });
      times.push(performance.now() - t0);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
    rows.push({ name: `search ${kind} over ${total} members: median`, value: percentile(times, 50), unit: 'ms' });
    rows.push({ name: `search ${kind} over ${total} members: p95`, value: percentile(times, 95), unit: 'ms', target: '< 20 ms' });
  }
  const t0 = performance.now();
  await s.router.call({ channel: 'households.list', input: { sort: 'head', dir: 'asc', page: 200 }, actor: CLI_ACTOR });
  rows.push({ name: 'unfiltered list sorted by head, page 200', value: performance.now() - t0, unit: 'ms' });
  s.close();
}

try {
  await searchBench();
  emitRows(rows);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
