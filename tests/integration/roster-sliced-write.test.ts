import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rosterTownship, uploadRoster, type RosterServices } from '../helpers/roster';
import { ADMIN, dbFingerprint, ok } from '../helpers/services';
import { largeRoster, writeLargeRoster } from '../fixtures/rosters/large';
import { parsePlanned, planRoster } from '../../src-main/features/households/roster/job';
import { applyPlan } from '../../src-main/features/households/roster/apply';
import { noPause } from '../../src-main/ipc/writer';
import { appendAudit, verifyAuditChain } from '../../src-main/features/audit/chain';
import { inboxPath } from '../../src-main/ipc/files';
import type { HandlerContext } from '../../src-main/ipc/contract';

/**
 * Issue 17: the roster import is read and planned in a worker thread and written in slices of ONE transaction that
 * stays open while the event loop turns (ctx.txSliced). What the window does meanwhile must neither wait for the whole
 * import nor become part of it.
 */
const HOUSEHOLDS = 1200;
const WRITING = /^正在写入第 201 户/;

describe('a roster import writing in slices', () => {
  let s: RosterServices;
  let inboxName: string;
  beforeEach(async () => {
    s = await rosterTownship();
    inboxName = await uploadRoster(s, (f) => writeLargeRoster(f, largeRoster(HOUSEHOLDS, 7)));
  });
  afterEach(() => s.close());

  /** Runs the import; at its first progress event matching `at` (inside the open transaction) calls `during`. */
  async function importing(at: RegExp, during: (jobId: string) => void) {
    const jobId = `roster-${Math.random()}`;
    let fired = false;
    const listener = (p: { jobId: string; message?: string }) => {
      if (p.jobId !== jobId || fired || !at.test(p.message ?? '')) return;
      fired = true;
      during(jobId);
    };
    s.router.events.on('progress', listener);
    try {
      return await s.router.call({ channel: 'households.importRoster', actor: ADMIN, jobId, input: { inboxName, dryRun: false, defaultCategory: '农村低保' } });
    } finally {
      s.router.events.off('progress', listener);
      expect(fired).toBe(true);
    }
  }

  it('answers the window\'s queries between slices, while its transaction is still open', async () => {
    let answered: Promise<{ ok: boolean; open: boolean }> = Promise.resolve({ ok: false, open: false });
    const r = await importing(WRITING, () => {
      // the window's request arrives through the event loop, as over IPC: answered only if the import lets it turn;
      // the import's own transaction still open at the answer shows it came between slices, not after the commit
      setImmediate(() => {
        answered = s.router.call({ channel: 'households.list', actor: ADMIN, input: { page: 1, pageSize: 20 } })
          .then((x) => ({ ok: x.ok, open: s.handle.sqlite.inTransaction }));
      });
    });
    expect(r.ok).toBe(true);
    expect(await answered).toEqual({ ok: true, open: true });
    expect(s.handle.sqlite.inTransaction).toBe(false);
  });

  it('holds a save made while it writes until the import ends: cancelled, the import leaves nothing and the save stays', async () => {
    const count = (sql: string) => s.handle.sqlite.prepare(sql).pluck().get() as number;
    const auditRows = count('SELECT COUNT(*) FROM audit_log');
    const tree = await ok(s, 'regions.tree', {});
    let saved: Promise<{ ok: boolean }> = Promise.resolve({ ok: false });
    const r = await importing(WRITING, (jobId) => {
      saved = s.router.call({ channel: 'regions.create', actor: ADMIN, input: { parentId: tree[0].id, name: '导入期间新建村' } });
      s.router.cancel(jobId);
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect((await saved).ok).toBe(true);
    expect(count('SELECT COUNT(*) FROM members')).toBe(0);
    expect(count('SELECT COUNT(*) FROM households')).toBe(0);
    expect(count("SELECT COUNT(*) FROM regions WHERE name = '导入期间新建村'")).toBe(1);
    // exactly one new audit row, the save's: none of the import's, and the save's was not rolled back with it
    expect(count('SELECT COUNT(*) FROM audit_log')).toBe(auditRows + 1);
    expect(count("SELECT channel FROM audit_log ORDER BY id DESC LIMIT 1") as unknown).toBe('regions.create');
    expect(verifyAuditChain(s.handle.sqlite).ok).toBe(true);
  });

  it('checkpoints its commit in a worker thread: the database file holds the rows, and the main connection checkpoints as before', async () => {
    const file = s.handle.file;
    const sizeBefore = fs.statSync(file).size;
    const r = await importing(WRITING, () => {});
    expect(r.ok).toBe(true);
    // the main connection's own checkpoint was off for this commit: only the worker's copied the log into the file
    expect(fs.statSync(file).size - sizeBefore).toBeGreaterThan(2_000_000);
    expect(s.handle.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('refuses a query that writes (a login\'s failure counter) while it writes, rather than letting the row join the import', async () => {
    let login: Promise<{ ok: boolean; error?: { code: string; message: string } }> = Promise.resolve({ ok: true });
    const r = await importing(WRITING, () => {
      setImmediate(() => { login = s.router.call({ channel: 'auth.login', input: { username: 'admin', password: 'wrong-password' } }) as typeof login; });
    });
    expect(r.ok).toBe(true);
    const refused = await login;
    expect(refused).toMatchObject({ ok: false, error: { code: 'DB_BUSY' } });
    expect(refused.error?.message).toContain('请等导入完成后再试');
    expect(s.handle.sqlite.prepare("SELECT failed_attempts FROM users WHERE username = 'admin'").pluck().get()).toBe(0);
    expect(verifyAuditChain(s.handle.sqlite).ok).toBe(true);
  });
});

describe('the write after a plan made on a snapshot', () => {
  let s: RosterServices;
  beforeEach(async () => { s = await rosterTownship(); });
  afterEach(() => s.close());

  it('names a person put on file since the plan, and writes nothing', async () => {
    const roster = largeRoster(5, 3);
    const inboxName = await uploadRoster(s, (f) => writeLargeRoster(f, roster));
    const plan = planRoster({ sqlite: s.handle.sqlite, progress: () => {}, cancelled: () => false },
      { file: inboxPath(s.dir, inboxName), name: '花名册.xlsx', dryRun: false, defaultCategory: '农村低保' });
    const toCreate = await parsePlanned(plan.toCreate!, noPause);
    expect(toCreate).toHaveLength(5);
    // meanwhile another window files the third household's head
    const third = toCreate[2].members[0];
    const tree = await ok(s, 'regions.tree', {});
    const village = await ok(s, 'regions.create', { parentId: tree[0].id, name: '别处村' });
    await ok(s, 'households.create', { facts: { category: '农村低保', villageId: village.id }, head: { name: third.name, idNumber: third.idNumber } });
    const before = dbFingerprint(s);
    const ctx = contextOf(s);
    await expect(applyPlan(ctx, toCreate, '花名册.xlsx', noPause)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(third.name) });
    expect(dbFingerprint(s)).toBe(before);
  });
});

function contextOf(s: RosterServices): HandlerContext {
  return {
    db: s.handle.db, sqlite: s.handle.sqlite, dataDir: s.dir, actor: ADMIN, channel: 'test',
    audit: (e) => appendAudit(s.handle.sqlite, ADMIN, 'test', e), tx: (fn) => s.handle.sqlite.transaction(fn)(),
    progress: () => {}, cancelled: () => false, inWorker: () => Promise.reject(new Error('no worker here')), txSliced: (fn) => fn(),
    sessionId: null, session: { bind: () => '', end: () => {} },
  };
}
