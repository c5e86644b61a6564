import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, CLI_ACTOR } from '../src-main/services';
import { computeBenefit } from '../src-main/domain/benefit';
import { addWorkingDays, compileCalendar, OFFICIAL_CALENDARS } from '../src-main/domain/workdays';
import { measure, type BenchRow } from './lib';
import { emitRows } from './emit';

/** The pure benefit calculation, working-day arithmetic, and the deadline worklist over 600 open cases. */
const members = [0, 1, 2, 3].map((i) => ({ name: `成员${i}`, types: i === 3 ? ['未成年人' as const] : [], incomes: [{ monthlyFen: 70000 + i }] }));
const benefit = await measure(() => {
  for (let i = 0; i < 10_000; i++) computeBenefit({ standard: { annualFen: 583200 + i }, coverMode: '整户保', members, rules: { topUps: { 未成年人: { percent: 40 } } } });
});
const cal = compileCalendar(OFFICIAL_CALENDARS);
const days = await measure(() => { for (let i = 0; i < 10_000; i++) addWorkingDays(cal, '2026-01-20', 30); });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-bench-'));
const s = createServices(dir);
await s.router.call({ channel: 'setup.init', actor: CLI_ACTOR, input: {
  township: { name: '青溪镇', divisionCode: '510902105000', county: '示范县' },
  admin: { username: 'admin', displayName: '管理员', password: 'admin123' }, demo: true, households: 600 } });
const db = s.handle.sqlite;
const now = new Date().toISOString();
db.transaction(() => {
  for (const { id } of db.prepare('SELECT id FROM households').all() as { id: number }[]) {
    const app = Number(db.prepare(`INSERT INTO applications (household_id, rule_set, stage, applied_on, applicant_name, created_by, created_at, updated_at)
      VALUES (?, '2021', '调查中', '2026-09-01', '', 'bench', ?, ?)`).run(id, now, now).lastInsertRowid);
    for (const kind of ['apply', 'accept']) db.prepare(`INSERT INTO application_steps (application_id, kind, date, stage_after, username, display_name, role, created_at)
      VALUES (?, ?, '2026-09-02', '调查中', 'bench', 'bench', 'clerk', ?)`).run(app, kind, now);
  }
})();
const work = await measure(async () => {
  const r = await s.router.call({ channel: 'applications.worklist', input: { include: 'all' }, actor: CLI_ACTOR });
  if (!r.ok) throw new Error(r.error.message);
});
s.close();
fs.rmSync(dir, { recursive: true, force: true });

const rows: BenchRow[] = [
  { name: 'computeBenefit (exact fractions, 4 people, top-up), per call', value: (benefit.ms * 1000) / 10_000, unit: 'µs', target: '< 100 µs' },
  { name: 'addWorkingDays 30 over the holiday calendar, per call', value: (days.ms * 1000) / 10_000, unit: 'µs', target: '< 100 µs' },
  { name: 'deadline worklist over 600 open cases', value: work.ms, unit: 'ms', target: '< 500 ms' },
];
emitRows(rows);
