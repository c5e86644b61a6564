import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, dbFingerprint, ok, testServices } from '../helpers/services';
import { listSets } from '../../src-main/features/backup/store';

/**
 * Issue 17 item 3: a long job cancelled while it works leaves nothing half-written: no backup set (nor its temp copy)
 * in backups/ or on the stick, no package folder (nor 未完成_) on the stick, no xlsx in the outbox, and no record.
 * Each job is cancelled from its own progress events, as the 取消 button does.
 */
describe('cancel midway leaves nothing behind', () => {
  let s: ReturnType<typeof testServices>;
  let usb: string;
  const PERIOD = '2026-10'; // closed by the demo
  beforeAll(() => {
    s = testServices({ demo: true, households: 200 });
    usb = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-usb-'));
    fs.mkdirSync(path.join(s.dir, 'archive-store', 'ab'), { recursive: true });
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(s.dir, 'archive-store', 'ab', `${String(i).padStart(64, 'a')}.jpg`), Buffer.alloc(20_000, i));
  });
  afterAll(() => { s?.close(); fs.rmSync(usb, { recursive: true, force: true }); });

  const ls = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);
  /** Runs a job and cancels it at its first progress event that `when` accepts; returns the result and every message seen. */
  async function cancelled(channel: string, input: unknown, when: (p: { done: number; total: number; message?: string }) => boolean) {
    const jobId = `${channel}-${Math.random()}`;
    const seen: string[] = [];
    const listener = (p: { jobId: string; done: number; total: number; message?: string }) => {
      if (p.jobId !== jobId) return;
      seen.push(p.message ?? '');
      if (when(p)) s.router.cancel(jobId);
    };
    s.router.events.on('progress', listener);
    try {
      return { r: await s.router.call({ channel, input, actor: ADMIN, jobId }), seen };
    } finally { s.router.events.off('progress', listener); }
  }

  it('立即备份 cancelled while the database is copied: no set, no temp copy, no audit row', async () => {
    const before = { sets: ls(path.join(s.dir, 'backups')), db: dbFingerprint(s) };
    const { r, seen } = await cancelled('backup.create', {}, (p) => /正在复制数据库/.test(p.message ?? ''));
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(seen.some((m) => /^正在复制数据库：\d+ \/ \d+ 页$/.test(m))).toBe(true);
    expect(ls(path.join(s.dir, 'backups'))).toEqual(before.sets);
    expect(dbFingerprint(s)).toBe(before.db);
  });

  it('a USB backup cancelled while the archive scans are copied: no set and no temp copy on the stick', async () => {
    const { r, seen } = await cancelled('backup.create', { toDir: usb }, (p) => /正在复制档案库文件：第 \d+ 个 \/ 共 40 个/.test(p.message ?? ''));
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(seen.some((m) => /第 \d+ 个 \/ 共 40 个/.test(m))).toBe(true);
    expect(listSets(usb)).toEqual([]);
    expect(ls(usb).filter((n) => n !== 'archive-store')).toEqual([]); // whole scans may stay (content-addressed), never a .db
    // and a backup after the cancel still works and is complete
    const done = await ok(s, 'backup.create', { toDir: usb });
    expect(listSets(usb).map((x) => [x.name, x.complete])).toEqual([[done.name, true]]);
    fs.rmSync(usb, { recursive: true, force: true }); fs.mkdirSync(usb);
  });

  it('报送包 cancelled while its ledgers are written: nothing on the stick, no export record', async () => {
    const before = s.handle.sqlite.prepare('SELECT COUNT(*) FROM exchange_exports').pluck().get();
    const { r } = await cancelled('ledgers.exportPackage', { period: PERIOD, destination: usb, acceptFailedChecks: true }, (p) => /正在写入/.test(p.message ?? ''));
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(ls(usb)).toEqual([]);
    expect(s.handle.sqlite.prepare('SELECT COUNT(*) FROM exchange_exports').pluck().get()).toBe(before);
  });

  it('a ledger export cancelled while it is written: no file in the outbox, no outbox record', async () => {
    const before = { files: ls(path.join(s.dir, 'outbox')), records: s.handle.sqlite.prepare('SELECT COUNT(*) FROM outbox_files').pluck().get() };
    const { r } = await cancelled('ledgers.exportLedger', { name: 'roster', period: PERIOD }, (p) => /正在整理低保对象花名册/.test(p.message ?? ''));
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(ls(path.join(s.dir, 'outbox'))).toEqual(before.files);
    expect(s.handle.sqlite.prepare('SELECT COUNT(*) FROM outbox_files').pluck().get()).toBe(before.records);
  });
});
