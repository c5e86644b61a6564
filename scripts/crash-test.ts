/**
 * Kills the service process (SIGKILL) at random moments during a large roster import, a campaign save and a
 * package export, and checks the data dir after every kill (see tests/crash/harness.ts).
 *   npx tsx scripts/crash-test.ts [--kills 100] [--households 600] [--roster 3000] [--seed N] [--dir DIR] [--json FILE]
 * Exit 1 when any check failed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crashTest } from '../tests/crash/harness';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : fallback; };
const root = flag('dir', fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-crash-')));
const started = Date.now();
const summary = await crashTest({
  root, kills: Number(flag('kills', '100')), demoHouseholds: Number(flag('households', '600')),
  rosterHouseholds: Number(flag('roster', '3000')), seed: Number(flag('seed', String(Date.now() % 1e9))),
  log: (line) => process.stderr.write(`${line}\n`),
});
const report = { ...summary, seconds: Math.round((Date.now() - started) / 1000), root };
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
const json = argv.indexOf('--json');
if (json >= 0) fs.writeFileSync(argv[json + 1], JSON.stringify(report, null, 2));
if (summary.failures.length === 0) fs.rmSync(root, { recursive: true, force: true });
process.exitCode = summary.failures.length ? 1 : 0;
