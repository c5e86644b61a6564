import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allChannels } from '../../src-main/features/registry';
import { PERMISSIONS } from '../../src-main/ipc/permissions';
import { testServices, actorOf, callAs, dbFingerprint, ok, ADMIN } from '../helpers/services';

let s: ReturnType<typeof testServices>;
afterEach(() => s?.close());

describe('IPC contract guard rails', () => {
  it('every channel has a zod schema, a known non-empty permission, a kind and a Chinese title', () => {
    for (const [name, def] of Object.entries(allChannels)) {
      expect(def.input, name).toBeInstanceOf(z.ZodType);
      expect(PERMISSIONS, name).toContain(def.permission);
      expect(['query', 'mutation', 'job'], name).toContain(def.kind);
      expect(def.title, name).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('a wrong input returns a validation error in Chinese and changes nothing', async () => {
    s = testServices();
    const before = dbFingerprint(s);
    const r = await callAs(s, ADMIN, 'users.create', { username: 'x', displayName: '', role: 'boss', password: '1' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toMatch(/输入有误/);
      expect((r.error.details as unknown[]).length).toBeGreaterThanOrEqual(3);
    }
    expect(dbFingerprint(s)).toBe(before);
  });

  it('an unknown channel fails closed', async () => {
    s = testServices();
    const r = await s.router.call({ channel: '__proto__', input: {}, actor: ADMIN });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('a call without a session is refused unless the channel is public', async () => {
    s = testServices();
    expect(await s.router.call({ channel: 'dashboard.summary', input: {} })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await s.router.call({ channel: 'setup.status', input: {} })).toMatchObject({ ok: true });
  });

  it('a 只读 user can read everything but a write is refused and changes nothing', async () => {
    s = testServices();
    const reader = actorOf('readonly', 'chakan');
    await ok(s, 'dashboard.summary', {}, reader);
    await ok(s, 'audit.list', {}, reader);
    const before = dbFingerprint(s);
    const r = await callAs(s, reader, 'settings.set', { key: 'security.idleMinutes', value: 30 });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dbFingerprint(s)).toBe(before);
  });

  it('only read-only permissions are granted to the 只读 role on every write channel', async () => {
    s = testServices();
    const reader = actorOf('readonly');
    for (const [name, def] of Object.entries(allChannels)) {
      if (def.kind === 'query' || def.permission === 'public' || def.permission === 'read') continue;
      const r = await callAs(s, reader, name, {});
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.code, name).toBe('FORBIDDEN');
    }
  });

  it('a write and its audit row commit together, and a failed write leaves no audit row', async () => {
    s = testServices();
    const rows = () => (s.handle.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    const n0 = rows();
    await ok(s, 'settings.set', { key: 'security.idleMinutes', value: 20 });
    expect(rows()).toBe(n0 + 1);
    const r = await callAs(s, ADMIN, 'users.create', { username: 'admin', displayName: '重复', role: 'clerk', password: '123456' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(rows()).toBe(n0 + 1);
  });

  it('the call log masks 身份证号 and phone numbers', async () => {
    s = testServices();
    await callAs(s, ADMIN, 'users.create', { username: 'a', displayName: '11010519491231002X 13812345678', role: 'x', password: '1' });
    const fs = await import('node:fs');
    const path = await import('node:path');
    const dir = path.join(s.dir, 'logs');
    const text = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
    expect(text).toContain('users.create');
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('13812345678');
    expect(text).toContain('1101**********002X');
  });
});
