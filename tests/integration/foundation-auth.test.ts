import { afterEach, describe, expect, it } from 'vitest';
import { testServices, ok } from '../helpers/services';
import { createSessionStore } from '../../src-main/ipc/sessions';
import { hashPassword, verifyPassword } from '../../src-main/features/users/password';

let s: ReturnType<typeof testServices>;
afterEach(() => s?.close());
const login = (password: string, username = 'admin') => s.router.call({ channel: 'auth.login', input: { username, password } });

describe('users and login', () => {
  it('stores scrypt hashes, never the password', () => {
    const h = hashPassword('secret-1');
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(verifyPassword('secret-1', h)).toBe(true);
    expect(verifyPassword('secret-2', h)).toBe(false);
  });

  it('a correct password opens a session that can read the dashboard', async () => {
    s = testServices();
    const r = await login('admin123');
    expect(r.ok).toBe(true);
    const sessionId = (r as { value: { sessionId: string } }).value.sessionId;
    expect(await s.router.call({ channel: 'dashboard.summary', input: {}, sessionId })).toMatchObject({ ok: true });
  });

  it('a wrong password says so in Chinese and counts down the remaining tries', async () => {
    s = testServices();
    const r = await login('wrong');
    expect(r).toMatchObject({ ok: false, error: { code: 'LOGIN_FAILED' } });
    expect(!r.ok && r.error.message).toMatch(/还可尝试 4 次/);
  });

  it('five failures lock the account, and then even the right password is refused', async () => {
    s = testServices();
    for (let i = 0; i < 4; i++) await login('wrong');
    expect(await login('wrong')).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(await login('admin123')).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    const row = s.handle.sqlite.prepare("SELECT locked_until FROM users WHERE username = 'admin'").get() as { locked_until: string };
    const minutes = (Date.parse(row.locked_until) - Date.now()) / 60000;
    expect(minutes).toBeGreaterThan(4.9);
    expect(minutes).toBeLessThanOrEqual(5);
  });

  it('an administrator creates a 经办人 who can log in with the role shown', async () => {
    s = testServices();
    await ok(s, 'users.create', { username: 'jingban', displayName: '李经办', role: 'clerk', password: 'pass1234' });
    const r = await login('pass1234', 'jingban');
    expect(r).toMatchObject({ ok: true, value: { user: { role: 'clerk', roleLabel: '经办人' } } });
  });

  it('a session idle longer than the setting is dropped (the window locks)', () => {
    let now = 0;
    const store = createSessionStore(() => 15, () => now);
    const id = store.create({ userId: 1, username: 'a', displayName: 'a', role: 'admin' });
    now = 14 * 60_000;
    expect(store.actorFor(id)).toBeDefined();
    now += 15 * 60_000 + 1;
    expect(store.actorFor(id)).toBeUndefined();
  });
});
