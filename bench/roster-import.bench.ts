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
 * peak RSS growth < 300 MB. A second size (200,000 members, a county's roll-up) shows how the cost grows.
 * ROSTER_BENCH_MEMBERS=50000,200000 overrides the sizes.
 */
const SIZES = (process.env.ROSTER_BENCH_MEMBERS ?? '50000,200000').split(',').map(Number);
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

async function importOnce(file: string, dir: string) {
  const s = freshServices(dir);
  const inboxName = saveToInbox(s.dataDir, path.basename(file), fs.readFileSync(file));
  const m = await measure(() => s.router.call({ channel: 'households.importRoster', input: { inboxName, dryRun: false }, actor: CLI_ACTOR }));
  const r = m.result as { ok: boolean; value?: { imported: boolean; members: { new: number }; errors: number; problems: unknown[] }; error?: unknown };
  s.close();
  if (!r.ok || !r.value?.imported) throw new Error(`import failed: ${JSON.stringify(r.ok ? r.value?.problems.slice(0, 5) : r.error)}`);
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
  const base = await measure(() => bareRead(file));
  const full = await importOnce(file, path.join(tmp, `full-${label}`));
  const own = members <= 50_000 ? await withoutListeners(() => importOnce(file, path.join(tmp, `own-${label}`))) : null;
  process.stderr.write(`roster ${label}: ${roster.households} households, ${full.members} members imported\n`);
  const name = `roster import ${roster.members.length} members`;
  rows.push({ name: `${name}: bare SheetJS read of the same file`, value: base.ms, unit: 'ms' });
  rows.push({ name: `${name}: bare read peak RSS growth`, value: base.peakMb, unit: 'MB' });
  rows.push({ name: `${name} (every feature listener, as shipped): time`, value: full.ms, unit: 'ms', target: '≤ 1.5 × bare read', baseline: base.ms, ratio: full.ms / base.ms });
  rows.push({ name: `${name} (every feature listener, as shipped): peak RSS growth`, value: full.peakMb, unit: 'MB', target: members <= 50_000 ? '< 300 MB' : undefined });
  if (own) rows.push({ name: `${name} (listeners detached): time`, value: own.ms, unit: 'ms', baseline: base.ms, ratio: own.ms / base.ms });
}

try {
  for (const n of SIZES) await bench(n);
  emitRows(rows);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
