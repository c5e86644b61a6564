// Issue 15, finding 6 and the login/settings parts of 8: sessions end on any change of the user, an absolute
// lifetime, every setting by its own schema, login throttled per account with growing locks and uniform answers.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, callAs, ok, testServices } from '../helpers/services';
import { createSessionStore, effectiveIdleMinutes, MAX_SESSION_HOURS } from '../../src-main/ipc/sessions';

let s: ReturnType<typeof testServices>;
afterEach(() => s?.close());
const login = async (username: string, password: string) => s.router.call({ channel: 'auth.login', input: { username, password } });
const sessionOf = async (username: string, password: string) => {
  const r = await login(username, password);
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { sessionId: string }).sessionId;
};
const asSession = (sessionId: string, channel: string, input: unknown = {}) => s.router.call({ channel, input, sessionId });

describe('finding 6: a session never keeps rights its user lost', () => {
  it.each([
    ['demotion', { role: 'readonly' }],
    ['deactivation', { active: false }],
    ['a password reset', { password: 'new-pass-123' }],
    ['a promotion too (any change)', { role: 'admin' }],
  ])('ends the session on %s', async (_what, change) => {
    s = testServices();
    const { id } = await ok(s, 'users.create', { username: 'li', displayName: '李经办', role: 'clerk', password: 'pass1234' });
    const other = await ok(s, 'users.create', { username: 'wang', displayName: '王经办', role: 'clerk', password: 'pass1234' });
    const li = await sessionOf('li', 'pass1234');
    const wang = await sessionOf('wang', 'pass1234');
    expect(await asSession(li, 'auth.me')).toMatchObject({ ok: true, value: { role: 'clerk' } });
    await ok(s, 'users.update', { id, ...change });
    expect(await asSession(li, 'auth.me')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await asSession(li, 'households.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await asSession(wang, 'auth.me')).toMatchObject({ ok: true }); // another user's change ends nothing else
    expect(other.id).toBeGreaterThan(0);
  });

  it('ends the session when the user is changed behind the app (another process, a restore)', async () => {
    s = testServices();
    await ok(s, 'users.create', { username: 'li', displayName: '李经办', role: 'clerk', password: 'pass1234' });
    const li = await sessionOf('li', 'pass1234');
    s.handle.sqlite.prepare("UPDATE users SET role = 'readonly' WHERE username = 'li'").run();
    expect(await asSession(li, 'auth.me')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('ends even an active session after the absolute lifetime', () => {
    let now = 0;
    const store = createSessionStore(() => 15, () => now);
    const id = store.create({ userId: null, username: 'a', displayName: 'a', role: 'admin' });
    for (; now < MAX_SESSION_HOURS * 3_600_000; now += 10 * 60_000) expect(store.actorFor(id)).toBeDefined();
    now += 10 * 60_000;
    expect(store.actorFor(id)).toBeUndefined();
  });

  it('refuses idleMinutes of 0, -5, "abc", null, 2.5 and 10000, and a broken stored value never disables the lock', async () => {
    s = testServices();
    for (const value of [0, -5, 'abc', null, 2.5, 10000, '15', true]) {
      const r = await callAs(s, ADMIN, 'settings.set', { key: 'security.idleMinutes', value });
      expect(r, JSON.stringify(value)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!r.ok) expect(r.error.message).toMatch(/分钟/);
    }
    await ok(s, 'settings.set', { key: 'security.idleMinutes', value: 30 });
    for (const v of [0, -5, 'abc', null, undefined, NaN, Infinity]) expect(effectiveIdleMinutes(v)).toBe(15);
    let now = 0;
    s.handle.sqlite.prepare("UPDATE settings SET value = '0' WHERE key = 'security.idleMinutes'").run(); // planted
    const store = createSessionStore(() => 0, () => now);
    const id = store.create({ userId: null, username: 'a', displayName: 'a', role: 'admin' });
    now = 16 * 60_000;
    expect(store.actorFor(id)).toBeUndefined();
  });
});

describe('finding 8: settings.set writes only known settings, each by its own schema', () => {
  it('refuses to replace the signing public key, the township, notice settings or an unknown key', async () => {
    s = testServices();
    const pem = s.handle.sqlite.prepare("SELECT value FROM settings WHERE key = 'signing.publicKeyPem'").pluck().get();
    for (const key of ['signing.publicKeyPem', 'signing.privateKeyPem', 'township', 'notices.complaintPhone', 'anything.else', '__proto__', 'constructor']) {
      const r = await callAs(s, ADMIN, 'settings.set', { key, value: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----' });
      expect(r.ok, key).toBe(false);
    }
    expect(s.handle.sqlite.prepare("SELECT value FROM settings WHERE key = 'signing.publicKeyPem'").pluck().get()).toBe(pem);
  });

  it('checks the shape of every generic setting', async () => {
    s = testServices();
    const bad: [string, unknown][] = [['supervision.relations', []], ['supervision.relations', ['配偶', '配偶']], ['supervision.complaintDays', 0],
      ['benefit.standards', { 2026: { 城市: { monthlyFen: -1 } } }], ['benefit.standards', { abc: {} }], ['applications.ruleSet', '2030'],
      ['applications.delegated', 'yes'], ['benefit.rules', { mode: '随意' }], ['benefit.phaseOutMaxMonths', 99]];
    for (const [key, value] of bad) expect((await callAs(s, ADMIN, 'settings.set', { key, value })).ok, `${key}=${JSON.stringify(value)}`).toBe(false);
    await ok(s, 'settings.set', { key: 'benefit.standards', value: { 2027: { 城市: { monthlyFen: 80000 }, 农村: { annualFen: 700000 } } } });
    await ok(s, 'settings.set', { key: 'supervision.relations', value: ['配偶', '父母', '岳父母'] });
  });
});

describe('finding 8: login throttled per account, unknown names answer alike', () => {
  const lockedFor = () => {
    const row = s.handle.sqlite.prepare("SELECT locked_until FROM users WHERE username = 'admin'").pluck().get() as string;
    return Math.round((Date.parse(row) - Date.now()) / 60000);
  };
  const expireLock = () => s.handle.sqlite.prepare("UPDATE users SET locked_until = '2000-01-01T00:00:00.000Z' WHERE username = 'admin'").run();

  it('does not reset the counter after a lock: each further 5 wrong guesses lock twice as long', async () => {
    s = testServices();
    for (let i = 0; i < 4; i++) expect(await login('admin', 'wrong')).toMatchObject({ error: { code: 'LOGIN_FAILED' } });
    expect(await login('admin', 'wrong')).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    expect(lockedFor()).toBe(5);
    expireLock();
    for (let i = 0; i < 4; i++) expect(await login('admin', 'wrong')).toMatchObject({ error: { code: 'LOGIN_FAILED' } });
    expect(await login('admin', 'wrong')).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    expect(lockedFor()).toBe(10);
    expireLock();
    for (let i = 0; i < 5; i++) await login('admin', 'wrong');
    expect(lockedFor()).toBe(20);
    expireLock();
    expect(await login('admin', 'admin123')).toMatchObject({ ok: true }); // a right password resets the count
    expect(s.handle.sqlite.prepare("SELECT failed_attempts FROM users WHERE username = 'admin'").pluck().get()).toBe(0);
  });

  it('answers an unknown name with the same words, countdown and lock as a real one', async () => {
    s = testServices();
    const real: string[] = [];
    const ghost: string[] = [];
    for (let i = 0; i < 6; i++) {
      const a = await login('admin', 'wrong');
      const b = await login('ghost', 'wrong');
      real.push(a.ok ? 'ok' : `${a.error.code}:${a.error.message.replace(/（至 .*?）/, '')}`);
      ghost.push(b.ok ? 'ok' : `${b.error.code}:${b.error.message.replace(/（至 .*?）/, '')}`);
    }
    expect(ghost).toEqual(real);
    expect(real[0]).toMatch(/还可尝试 4 次/);
  });

  it('spends as long on an unknown name as on a real one (one scrypt each; was 25 times faster)', async () => {
    s = testServices();
    await ok(s, 'users.create', { username: 'li', displayName: '李经办', role: 'clerk', password: 'pass1234' });
    const time = async (username: string) => { const t = process.hrtime.bigint(); await login(username, 'wrong'); return Number(process.hrtime.bigint() - t); };
    const real: number[] = [];
    const ghost: number[] = [];
    for (let i = 0; i < 4; i++) { real.push(await time('li')); ghost.push(await time(`ghost${i}`)); } // 4 < 5: no lock
    const median = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
    expect(median(ghost) / median(real)).toBeGreaterThan(0.4);
  });
});
