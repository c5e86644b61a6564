import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ok, testServices } from '../helpers/services';

/**
 * Two townships' services in one process (the responsiveness bench, county mode, tests): each has its own job pool
 * on its own data dir, they render at the same time without mixing files or databases, and closing one leaves the
 * other working.
 */
describe('two services instances in one process', () => {
  let a: ReturnType<typeof testServices>;
  let b: ReturnType<typeof testServices>;
  beforeAll(() => { a = testServices({ demo: true, households: 30, seed: 3 }); b = testServices({ demo: true, households: 120, seed: 5 }); });
  afterAll(() => { a?.close(); b?.close(); });

  const render = (s: typeof a, jobId: string) => s.router.call({ channel: 'print.render', input: { document: 'notice.longterm', args: { date: '2026-11-22' } }, actor: ADMIN, jobId });
  const text = (s: typeof a, name: string) => execFileSync('pdftotext', ['-layout', path.join(s.dir, 'outbox', name), '-'], { encoding: 'utf8' });

  it('render at once, each from its own database into its own outbox', async () => {
    expect(a.jobs).not.toBe(b.jobs);
    const [ra, rb] = await Promise.all([render(a, 'a-1'), render(b, 'b-1')]);
    expect(ra.ok && rb.ok).toBe(true);
    const va = (ra as { value: { outboxName: string; pages: number } }).value;
    const vb = (rb as { value: { outboxName: string; pages: number } }).value;
    expect(fs.readdirSync(path.join(a.dir, 'outbox'))).toEqual([va.outboxName]);
    expect(fs.readdirSync(path.join(b.dir, 'outbox'))).toEqual([vb.outboxName]);
    expect(vb.pages).toBeGreaterThan(va.pages); // 120 households print more pages than 30
    // each says what its township prints alone, one after the other
    const alone = async (s: typeof a, jobId: string) => text(s, ((await render(s, jobId)) as { value: { outboxName: string } }).value.outboxName);
    expect(text(a, va.outboxName)).toBe(await alone(a, 'a-alone'));
    expect(text(b, vb.outboxName)).toBe(await alone(b, 'b-alone'));
    expect(text(a, va.outboxName)).not.toBe(text(b, vb.outboxName));
  });

  it('closing one township stops its pool; the other keeps rendering', async () => {
    a.close();
    const after = await a.jobs.run('print.render', {}, { dataDir: a.dir, dbFile: a.handle.file, actor: ADMIN, progress: () => {}, cancelled: () => false }).catch((e: unknown) => e);
    expect(after).toMatchObject({ code: 'INTERNAL', message: '内部错误：后台任务引擎已关闭' });
    const r = await render(b, 'b-2');
    expect(r.ok).toBe(true);
    expect(await ok(b, 'households.list', { page: 1 })).toBeTruthy();
  });
});
