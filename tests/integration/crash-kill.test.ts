import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashTest } from '../crash/harness';

/** The small CI version of `npx tsx scripts/crash-test.ts --kills 100`: a few SIGKILLs per operation. */
describe('crash safety', () => {
  it('survives SIGKILL during a roster import, a campaign save and a package export with nothing half-written', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-crash-ci-'));
    const kills = Number(process.env.CRASH_KILLS ?? 6);
    const summary = await crashTest({ root, kills, demoHouseholds: 40, rosterHouseholds: 200, seed: 20261122 });
    expect(summary.failures).toEqual([]);
    expect(summary.kills).toBe(kills);
    fs.rmSync(root, { recursive: true, force: true });
  }, 300_000);
});
