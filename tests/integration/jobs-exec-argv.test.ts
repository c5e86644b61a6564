import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { workerExecArgv } from '../../src-main/jobs/pool';
import { testServices } from '../helpers/services';

/**
 * A process started with a V8 or process-wide flag (npm run bench runs --expose-gc; a county PC may add
 * --max-old-space-size) still runs its jobs: the worker gets only the module-loading flags. Before, every print and
 * export in such a process failed with 内部错误 (ERR_WORKER_INVALID_EXEC_ARGV in the log).
 */
describe('job worker flags', () => {
  it('keeps the loaders (tsx --require/--import, conditions) and drops V8, process and eval flags', () => {
    expect(workerExecArgv(['--expose-gc', '--max-old-space-size=2048', '--title=x', '--require', '/t/preflight.cjs',
      '--import', 'file:///t/loader.mjs', '--conditions=dev', '--stack-size=900', '--no-warnings', '--eval', 'console.log(1)']))
      .toEqual(['--require', '/t/preflight.cjs', '--import', 'file:///t/loader.mjs', '--conditions=dev', '--no-warnings']);
    expect(workerExecArgv([])).toEqual([]);
  });

  let s: ReturnType<typeof testServices> | undefined;
  afterEach(() => { s?.close(); s = undefined; });

  it('print.render runs in the worker of a process started with --expose-gc --max-old-space-size', () => {
    s = testServices({ demo: true, households: 20 });
    const dir = s.dir;
    s.handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const out = path.join(dir, 'notice.pdf');
    const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=2048', '--import', 'tsx', 'src-main/cli.ts',
      'print', 'notice.longterm', '--out', out, '--json', '{"date":"2026-11-22"}', '--data-dir', dir], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout + r.stderr).not.toContain('内部错误');
    expect(r.status).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 150_000);
});
