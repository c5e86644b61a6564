import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_DAY, testServices } from '../helpers/services';

/**
 * `cli check --today` judges the date rules as of a given day (tests run check on a demo built for DEMO_DAY, which
 * the real clock finds overdue weeks later). It must really move the day — both ways — and refuse a day that is not.
 */
const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function demoDir() {
  const s = testServices({ demo: true, households: 20 });
  cleanups.push(() => s.close());
  return s.dir;
}
function check(dir: string, ...args: string[]) {
  const r = spawnSync('npm', ['run', '-s', 'cli', '--', 'check', ...args, '--data-dir', dir], { encoding: 'utf8' });
  return { status: r.status, out: JSON.parse(r.stdout) };
}
const caseProblems = (out: { checks: { name: string; details: { problems: string[] } }[] }) =>
  out.checks.find((c) => c.name.startsWith('户档案一致性'))!.details.problems.join('\n');

describe('cli check --today', () => {
  it('passes on the demo\'s own day, finds its planted 待调整 overdue a month later, and refuses a day that is not real', () => {
    const dir = demoDir();
    expect(check(dir, '--today', DEMO_DAY).status).toBe(0);
    const later = check(dir, '--today', '2026-12-22');
    expect(later.status).toBe(1);
    expect(caseProblems(later.out)).toMatch(/待调整应于2026年12月\d+日前办结/);
    for (const bad of ['2026-02-30', '明天']) {
      const r = check(dir, '--today', bad);
      expect(r.status).toBe(2);
      expect(r.out.error.message).toContain('--today 后须写一个真实日期');
    }
    expect(check(dir, '--today').status).toBe(2);
  }, 300_000);
});
