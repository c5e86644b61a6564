import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createJobPool, type JobPool, type RunOptions } from '../../src-main/jobs/pool';
import { ADMIN, testServices } from '../helpers/services';
import { toErrorBody } from '../../src-main/ipc/router';

/** The job engine on its own: a test worker entry, the real database file of a real data dir. */
describe('job engine (worker threads)', () => {
  let s: ReturnType<typeof testServices>;
  let pool: JobPool;
  const opts = (extra: Partial<RunOptions> = {}): RunOptions => ({
    dataDir: s.dir, dbFile: s.handle.file, actor: ADMIN, progress: () => {}, cancelled: () => false, ...extra,
  });
  beforeAll(() => { s = testServices({ demo: true, households: 20 }); pool = createJobPool(path.resolve('tests/fixtures/jobs/test-worker.ts'), { max: 1 }); });

  it('reads one consistent snapshot while the main process writes', async () => {
    const signal = path.join(s.dir, 'signal'); const ready = path.join(s.dir, 'ready');
    const job = pool.run<{ before: number; after: number }>('test.snapshot', { signal, ready }, opts());
    while (!fs.existsSync(ready)) await new Promise((r) => setTimeout(r, 5));
    try {
      s.handle.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('test.snapshot', '1', '')").run();
    } finally { fs.writeFileSync(signal, ''); }
    const r = await job;
    expect(r.after).toBe(r.before);
    expect(s.handle.sqlite.prepare('SELECT COUNT(*) FROM settings').pluck().get()).toBe(r.before + 1);
  });

  it('cannot write: the worker connection is read-only', async () => {
    const e: unknown = await pool.run('test.write', {}, opts()).catch((x: unknown) => x);
    expect(toErrorBody(e).code).toBe('READ_ONLY');
  });

  it('cancel stops a job that never yields and deletes its half-written file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-jobs-'));
    let cancel = false;
    const e = (await pool.run('test.spin', { dir }, opts({ progress: () => { cancel = true; }, cancelled: () => cancel })).catch((x: unknown) => x)) as { code?: string };
    expect(e.code).toBe('CANCELLED');
    expect(fs.readdirSync(dir)).toEqual([]);
    // the pool replaced the terminated worker: the next job runs
    await expect(pool.run('test.refuse', {}, opts())).rejects.toMatchObject({ code: 'VALIDATION', message: '输入有误：测试' });
  });

  it('a worker that dies fails its job with a Chinese message, and the next job gets a new worker', async () => {
    await expect(pool.run('test.crash', {}, opts())).rejects.toMatchObject({ code: 'INTERNAL', message: '内部错误：后台任务意外退出' });
    await expect(pool.run('test.nope', {}, opts())).rejects.toMatchObject({ code: 'INTERNAL', message: '内部错误：后台任务 test.nope 未注册' });
  });

  it('closes', async () => { await pool.close(); s.close(); });
});

/** print.render through the router: rendered in a worker, the main process keeps answering, cancel leaves nothing. */
describe('print.render in a worker', () => {
  let s: ReturnType<typeof testServices>;
  beforeAll(() => { s = testServices({ demo: true, households: 300 }); });
  const outbox = () => (fs.existsSync(path.join(s.dir, 'outbox')) ? fs.readdirSync(path.join(s.dir, 'outbox')) : []);
  const records = () => s.handle.sqlite.prepare("SELECT COUNT(*) FROM outbox_files").pluck().get() as number;
  const args = { document: 'notice.longterm', args: { date: '2026-11-22' } };

  it('answers other calls while the whole-township notice is drawn, and says 第 N 村 / 共 M 村，第 P 页', async () => {
    const seen: string[] = [];
    let answeredDuringPrint = false;
    let printed = false;
    const pagesDrawn = new Promise<void>((resolve) => {
      s.router.events.on('progress', (p) => { if (p.jobId !== 'print-1') return; seen.push(p.message ?? ''); if (p.total > 1) resolve(); });
    });
    const print = s.router.call({ channel: 'print.render', input: args, actor: ADMIN, jobId: 'print-1' }).then((r) => { printed = true; return r; });
    await pagesDrawn;
    const q = await s.router.call({ channel: 'households.list', input: { page: 1 }, actor: ADMIN });
    answeredDuringPrint = q.ok && !printed;
    const r = await print;
    expect(r.ok).toBe(true);
    expect(answeredDuringPrint).toBe(true);
    expect(seen).toContain('正在整理数据…');
    expect(seen.some((m) => /^第\d+村 \/ 共\d+村，第\d+页 \/ 共\d+页$/.test(m))).toBe(true);
    const v = (r as { value: { outboxName: string; pages: number } }).value;
    expect(outbox()).toEqual([v.outboxName]);
    expect(fs.readFileSync(path.join(s.dir, 'outbox', v.outboxName)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a print cancelled while its pages are drawn leaves no file, no temp file and no outbox record', async () => {
    const before = { files: outbox(), records: records() };
    s.router.events.on('progress', (p) => { if (p.jobId === 'print-2' && p.total > 1) s.router.cancel('print-2'); /* while pages are drawn */ });
    const r = await s.router.call({ channel: 'print.render', input: args, actor: ADMIN, jobId: 'print-2' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(outbox()).toEqual(before.files);
    expect(records()).toBe(before.records);
  });

  it('an error inside the worker (unknown document) comes back with its code and Chinese message', async () => {
    const r = await s.router.call({ channel: 'print.render', input: { document: 'no.such.doc' }, actor: ADMIN });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '未找到打印文档（no.such.doc）' } });
  });

  it('closes', () => { s.close(); });
});
