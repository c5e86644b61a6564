import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure, type BenchRow } from './lib';
import { emitRows } from './emit';
import { createServices, CLI_ACTOR } from '../src-main/services';
import { initialize } from '../src-main/features/setup/initialize';
import { saveToInbox } from '../src-main/ipc/files';
import { listeners } from '../src-main/features/events';
import { readWorkbook } from '../src-main/features/households/roster/read';
import { largeRoster, writeLargeRoster } from '../tests/fixtures/rosters/large';

/**
 * Roster import (issue 16 item 5): a generated roster of 50,000 members (names from the whole CJK block and
 * Extension B, 40 villages) imported for real, against a bare read of the same file by the same reader
 * (SheetJS, readWorkbook) in the same process. Target: import ≤ 1.5 × bare read with every feature listener on,
 * peak RSS growth < 300 MB. The dry run (read, plan and checks, nothing written) splits the import's time into
 * reading+planning and writing. CPU time is shown beside wall time: on a shared machine the wall clock of one run
 * depends on the load, the CPU ratio much less. A county's roll-up of 200,000 members shows how the cost grows; it
 * takes minutes, so it runs only when asked: ROSTER_BENCH_MEMBERS=50000,200000 (default 50000).
 */
const SIZES = (process.env.ROSTER_BENCH_MEMBERS ?? '50000').split(',').map(Number);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-bench-roster-'));
const rows: BenchRow[] = [];

function freshServices(dir: string) {
  const s = createServices(dir);
  s.handle.sqlite.transaction(() => initialize(s.handle.sqlite, {
    township: { name: '青溪镇', divisionCode: '510902105000', county: '示范县' },
    admin: { username: 'admin', displayName: '管理员', password: 'admin123' }, demo: false, seed: 11, households: 1,
  }, '2026-11-22'))();
  return s;
}

/** The baseline: every row of every sheet read and converted, nothing else. */
function bareRead(file: string) {
  let n = 0;
  for (const row of readWorkbook(fs.readFileSync(file), path.basename(file))) n += row.cells.length ? 1 : 0;
  return n;
}

/**
 * measure() plus the process's CPU time (user + system) and its absolute peak RSS over the run: the growth alone
 * hides what an earlier step (the bare read) left allocated.
 */
async function timed<T>(fn: () => Promise<T> | T) {
  const c0 = process.cpuUsage();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
  try {
    const m = await measure(fn);
    const c = process.cpuUsage(c0);
    return { ...m, cpuMs: (c.user + c.system) / 1000, peakRssMb: Math.max(peak, process.memoryUsage().rss) / 1048576 };
  } finally { clearInterval(timer); }
}

async function importOnce(file: string, dir: string, dryRun = false) {
  const s = freshServices(dir);
  await s.jobs.warm(); // the app starts its worker at launch: its start is not the import's time
  const inboxName = saveToInbox(s.dataDir, path.basename(file), fs.readFileSync(file));
  const m = await timed(() => s.router.call({ channel: 'households.importRoster', input: { inboxName, dryRun }, actor: CLI_ACTOR }));
  const r = m.result as { ok: boolean; value?: { imported: boolean; members: { new: number }; errors: number; problems: unknown[] }; error?: unknown };
  s.close();
  if (!r.ok || !r.value || r.value.imported === dryRun || r.value.errors > 0) throw new Error(`import failed: ${JSON.stringify(r.ok ? r.value?.problems.slice(0, 5) : r.error)}`);
  return { ...m, members: r.value.members.new };
}

/** Runs fn with the other features' domain-event listeners detached, to show what the import itself costs. */
async function withoutListeners<T>(fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.entries(listeners).map(([k, v]) => [k, [...v]]));
  for (const k of Object.keys(listeners) as (keyof typeof listeners)[]) listeners[k].length = 0;
  try { return await fn(); } finally { for (const [k, v] of Object.entries(saved)) (listeners as Record<string, unknown[]>)[k].push(...v); }
}

async function bench(members: number) {
  const label = `${members / 1000}k`;
  const file = path.join(tmp, `roster-${label}.xlsx`);
  const roster = largeRoster(Math.round(members / 2));
  await writeLargeRoster(file, roster);
  const base = await timed(() => bareRead(file));
  const dry = await importOnce(file, path.join(tmp, `dry-${label}`), true);
  const full = await importOnce(file, path.join(tmp, `full-${label}`));
  const own = await withoutListeners(() => importOnce(file, path.join(tmp, `own-${label}`)));
  process.stderr.write(`roster ${label}: ${roster.households} households, ${full.members} members imported\n`);
  const name = `roster import ${roster.members.length} members`;
  const vsRead = (m: { ms: number; cpuMs: number }) => [
    { value: m.ms, unit: 'ms', baseline: base.ms, ratio: m.ms / base.ms },
    { value: m.cpuMs, unit: 'ms CPU', baseline: base.cpuMs, ratio: m.cpuMs / base.cpuMs },
  ];
  rows.push({ name: `${name}: bare SheetJS read of the same file`, value: base.ms, unit: 'ms' });
  rows.push({ name: `${name}: bare read CPU time`, value: base.cpuMs, unit: 'ms CPU' });
  rows.push({ name: `${name}: bare read peak RSS growth`, value: base.peakMb, unit: 'MB' });
  const [dryWall, dryCpu] = vsRead(dry);
  rows.push({ name: `${name}: dry run (read, plan, checks; nothing written): time`, ...dryWall });
  rows.push({ name: `${name}: dry run CPU time`, ...dryCpu });
  const [fullWall, fullCpu] = vsRead(full);
  rows.push({ name: `${name} (every feature listener, as shipped): time`, ...fullWall, target: '≤ 1.5 × bare read' });
  rows.push({ name: `${name} (every feature listener, as shipped): CPU time`, ...fullCpu, target: '≤ 1.5 × bare read' });
  rows.push({ name: `${name} (every feature listener, as shipped): writing = import − dry run`, value: full.ms - dry.ms, unit: 'ms' });
  rows.push({ name: `${name} (every feature listener, as shipped): peak RSS growth`, value: full.peakMb, unit: 'MB', target: '< 300 MB' });
  rows.push({ name: `${name} (every feature listener, as shipped): peak RSS of the whole process`, value: full.peakRssMb, unit: 'MB' });
  rows.push({ name: `${name}: bare read peak RSS of the whole process`, value: base.peakRssMb, unit: 'MB' });
  const [ownWall, ownCpu] = vsRead(own);
  rows.push({ name: `${name} (listeners detached): time`, ...ownWall });
  rows.push({ name: `${name} (listeners detached): CPU time`, ...ownCpu });
}

try {
  for (const n of SIZES) await bench(n);
  emitRows(rows);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
