import type Database from 'better-sqlite3';
import { benchTownship, measure, type BenchRow } from './lib';
import { emitRows } from './emit';
import { runCaseCheck } from '../src-main/features/caseRecord/check';

/**
 * Case-record check (issue 13): every rule of domain/caseRecord over the 600-household demo, and over 40,000
 * households (the demo copied 67 times by SQL, members with distinct ID keys), as `cli check` and 数据体检 run it.
 */
const rows: BenchRow[] = [];
const { s } = await benchTownship('case-record', { demo: true });
const sqlite = s.handle.sqlite;

const demo = await measure(() => runCaseCheck(sqlite));
rows.push({ name: 'caseRecord.check 600 households (demo)', value: Math.round(demo.ms), unit: 'ms', target: '< 1000 ms' });

/** Copies a table's rows with some columns rewritten (SQL expressions over the old row). */
function copy(db: Database.Database, table: string, over: Record<string, string>, where = '1') {
  const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) SELECT ${cols.map((c) => over[c] ?? c).join(', ')} FROM ${table} WHERE ${where}`).run();
}
const COPIES = Math.ceil(40_000 / 600) - 1;
sqlite.transaction(() => {
  for (let k = 1; k <= COPIES; k++) {
    const hh = `household_id + ${k * 1000}`;
    copy(sqlite, 'households', { id: `id + ${k * 1000}`, head_member_id: `head_member_id + ${k * 10_000}` }, 'id <= 1000');
    copy(sqlite, 'members', { id: `id + ${k * 10_000}`, household_id: hh, id_number: `id_number || '#${k}'` }, 'id <= 10000');
    copy(sqlite, 'income_items', { id: `id + ${k * 10_000}`, member_id: `member_id + ${k * 10_000}` }, 'id <= 10000');
    copy(sqlite, 'benefit_changes', { id: `id + ${k * 10_000}`, household_id: hh }, 'id <= 10000');
    copy(sqlite, 'case_tasks', { id: `id + ${k * 1000}`, household_id: hh }, 'id <= 1000');
    copy(sqlite, 'applications', { id: `id + ${k * 1000}`, household_id: hh }, 'id <= 1000');
    copy(sqlite, 'application_steps', { id: `id + ${k * 10_000}`, application_id: `application_id + ${k * 1000}` }, 'id <= 10000');
  }
})();
const n = sqlite.prepare('SELECT COUNT(*) FROM households').pluck().get() as number;
const big = await measure(() => runCaseCheck(sqlite));
rows.push({ name: `caseRecord.check ${n} households`, value: Math.round(big.ms), unit: 'ms', target: '< 10000 ms', baseline: Math.round(demo.ms),
  ratio: Math.round((big.ms / demo.ms) * 10) / 10 });
rows.push({ name: `caseRecord.check ${n} households: findings ${JSON.stringify(big.result.byRule)}`, value: big.result.findings.length, unit: 'findings' });
s.close();
emitRows(rows);
