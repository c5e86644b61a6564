import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, CLI_ACTOR } from '../src-main/services';
import { measure, type BenchRow } from './lib';
import { emitRows } from './emit';

/** Start-up of the main-process services on a demo data dir, and the demo build itself. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-bench-'));
const init = await measure(async () => {
  const s = createServices(dir);
  const r = await s.router.call({ channel: 'setup.init', actor: CLI_ACTOR, input: {
    township: { name: '青溪镇', divisionCode: '510902105000', county: '示范县' },
    admin: { username: 'admin', displayName: '管理员', password: 'admin123' }, demo: true } });
  if (!r.ok) throw new Error(r.error.message);
  s.close();
});
const start = await measure(async () => {
  const s = createServices(dir);
  const r = await s.router.call({ channel: 'dashboard.summary', input: {}, actor: CLI_ACTOR });
  if (!r.ok) throw new Error(r.error.message);
  s.close();
});
fs.rmSync(dir, { recursive: true, force: true });
const rows: BenchRow[] = [
  { name: 'demo township build (600 households)', value: init.ms, unit: 'ms' },
  { name: 'services start-up + first dashboard (demo data)', value: start.ms, unit: 'ms', target: '< 1000 ms' },
];
emitRows(rows);
