import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { measure, percentile, type BenchRow } from './lib';
import { emitRows } from './emit';
import { createServices, CLI_ACTOR } from '../src-main/services';
import { initialize } from '../src-main/features/setup/initialize';
import { saveToInbox } from '../src-main/ipc/files';
import { makeIdNumber } from '../src-main/domain/idNumber';
import { listeners } from '../src-main/features/events';

/**
 * Households benchmarks (issue #3 item 7):
 *  - import of a generated 50,000-member roster vs. only reading the same file with exceljs's streaming reader;
 *  - search latency (median, p95) over 100,000 members for name, ID-suffix and pinyin queries.
 */
const MEMBERS = 50_000;
const SEARCH_HOUSEHOLDS = 40_000; // the demo averages ~2.5 members per household → ~100,000 members
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-bench-hh-'));
const rows: BenchRow[] = [];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林'];
const GIVEN = ['建国', '秀英', '志强', '桂兰', '德明', '玉梅', '国华', '淑珍', '永福', '丽', '海', '芳', '俊杰', '春花', '子豪', '欣怡'];

async function writeRoster(file: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['青溪镇农村低保花名册']).commit();
  ws.addRow(['序号', '户主姓名', '姓名', '身份证号码', '与户主关系', '家庭人口', '村(居)', '村民小组', '保障类别', '月保障金(元)', '起始保障年月', '开户银行', '账号']).commit();
  let n = 0;
  let hh = 0;
  while (n < MEMBERS) {
    const size = Math.min(1 + (hh % 4), MEMBERS - n);
    const surname = SURNAMES[hh % SURNAMES.length];
    const head = surname + GIVEN[(hh * 7) % GIVEN.length];
    for (let k = 0; k < size; k++, n++) {
      // Unique per n: one birth date per 1000 people, the sequence number carries the sex parity.
      const fixed = makeIdNumber('510902', dayFrom1940(Math.floor(n / 1000)), n % 1000, n % 2 === 1);
      const name = k === 0 ? head : (k % 2 ? SURNAMES[(hh + 3) % SURNAMES.length] : surname) + GIVEN[(n * 3) % GIVEN.length];
      ws.addRow(k === 0
        ? [hh + 1, head, name, fixed, '户主', size, `村${1 + (hh % 12)}`, `${1 + (hh % 6)}组`, '农村低保', `${560 * size}元`, '2021.05', '农村信用社', `62109876${String(hh).padStart(8, '0')}`]
        : [null, null, name, fixed, k === 1 ? '配偶' : '子女', null, null, null, null, null, null, null, null]).commit();
    }
    hh++;
  }
  ws.addRow(['合计']).commit();
  await wb.commit();
  return hh;
}

function dayFrom1940(days: number) {
  return new Date(Date.UTC(1940, 0, 1) + days * 86_400_000 * 200).toISOString().slice(0, 10);
}

async function bareRead(file: string) {
  let count = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' });
  for await (const ws of reader) for await (const row of ws) { if ((row.values as unknown[]).length) count++; }
  return count;
}

function freshServices(dir: string, demoHouseholds = 0) {
  const s = createServices(dir);
  s.handle.sqlite.transaction(() => initialize(s.handle.sqlite, {
    township: { name: '青溪镇', divisionCode: '510902105000', county: '示范县' },
    admin: { username: 'admin', displayName: '管理员', password: 'admin123' },
    demo: demoHouseholds > 0, seed: 11, households: Math.max(1, demoHouseholds),
  }, '2026-11-22'))();
  return s;
}

async function importOnce(file: string, dir: string) {
  const s = freshServices(dir);
  const inboxName = saveToInbox(s.dataDir, 'roster-50k.xlsx', fs.readFileSync(file));
  const m = await measure(() => s.router.call({ channel: 'households.importRoster', input: { inboxName, dryRun: false }, actor: CLI_ACTOR }));
  const r = m.result as { ok: boolean; value?: { imported: boolean; members: { new: number }; errors: number }; error?: unknown };
  s.close();
  if (!r.ok || !r.value?.imported) throw new Error(`import failed: ${JSON.stringify(r.ok ? { errors: r.value?.errors } : r.error)}`);
  return { ...m, members: r.value.members.new };
}

/** Runs fn with the other features' domain-event listeners detached, to show what the import itself costs. */
async function withoutListeners<T>(fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.entries(listeners).map(([k, v]) => [k, [...v]]));
  for (const k of Object.keys(listeners) as (keyof typeof listeners)[]) listeners[k].length = 0;
  try { return await fn(); } finally { for (const [k, v] of Object.entries(saved)) (listeners as Record<string, unknown[]>)[k].push(...v); }
}

async function importBench() {
  const file = path.join(tmp, 'roster-50k.xlsx');
  const households = await writeRoster(file);
  const base = await measure(() => bareRead(file));
  const own = await withoutListeners(() => importOnce(file, path.join(tmp, 'import-own')));
  const full = await importOnce(file, path.join(tmp, 'import-full'));
  process.stderr.write(`roster: ${households} households, ${own.members} members imported\n`);
  rows.push({ name: 'bare exceljs streaming read of the 50k roster', value: base.ms, unit: 'ms' });
  rows.push({ name: 'roster import 50k members (households feature; listeners detached): time', value: own.ms, unit: 'ms', target: '≤ 1.5 × bare read', baseline: base.ms, ratio: own.ms / base.ms });
  rows.push({ name: 'roster import 50k members (households feature; listeners detached): peak RSS growth', value: own.peakMb, unit: 'MB', baseline: base.peakMb, ratio: own.peakMb / Math.max(base.peakMb, 1) });
  rows.push({ name: 'roster import 50k members (with every feature listener, as shipped): time', value: full.ms, unit: 'ms', target: '≤ 1.5 × bare read', baseline: base.ms, ratio: full.ms / base.ms });
  rows.push({ name: 'roster import 50k members (with every feature listener, as shipped): peak RSS growth', value: full.peakMb, unit: 'MB', baseline: base.peakMb, ratio: full.peakMb / Math.max(base.peakMb, 1) });
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
  await importBench();
  await searchBench();
  emitRows(rows);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
