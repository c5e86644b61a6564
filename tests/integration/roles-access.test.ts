import { afterEach, describe, expect, it } from 'vitest';
import { testServices } from '../helpers/services';
import { allChannels } from '../../src-main/features/registry';
import { roleHas } from '../../src-main/ipc/permissions';

let s: ReturnType<typeof testServices>;
afterEach(() => s?.close());

/** Logs in through auth.login and reads auth.access with that session, as the window does. */
async function accessAs(username: string, password = 'demo1234') {
  const login = await s.router.call({ channel: 'auth.login', input: { username, password } });
  if (!login.ok) throw new Error(login.error.message);
  const sessionId = (login.value as { sessionId: string }).sessionId;
  const r = await s.router.call({ channel: 'auth.access', input: {}, sessionId });
  if (!r.ok) throw new Error(r.error.message);
  return { sessionId, access: r.value as { role: string; permissions: string[]; allowed: string[]; whoCan: Record<string, string> } };
}

describe('auth.access: what the window may offer, from the channels\' declared permissions', () => {
  it('for 只读 lists only read channels, and says who can do each write', async () => {
    s = testServices({ demo: true, households: 20 });
    const { access } = await accessAs('chakan');
    expect(access.role).toBe('readonly');
    expect(access.permissions).toEqual(['public', 'read']);
    for (const name of access.allowed) expect(['public', 'read']).toContain(allChannels[name as keyof typeof allChannels].permission);
    expect(access.allowed).toContain('households.list');
    expect(access.allowed).not.toContain('households.create');
    expect(access.whoCan['households.create']).toBe('管理员、经办人');
    expect(access.whoCan['applications.review']).toBe('管理员、审核人');
    expect(access.whoCan['users.create']).toBe('管理员');
  });

  it('matches the router for every channel and every demo role: a channel is allowed exactly when the call is not FORBIDDEN', async () => {
    s = testServices({ demo: true, households: 20 });
    for (const username of ['jingban', 'shenhe', 'chakan']) {
      const { sessionId, access } = await accessAs(username);
      for (const [name, def] of Object.entries(allChannels)) {
        const expected = def.permission === 'public' || roleHas(access.role, def.permission);
        expect(access.allowed.includes(name), `${username} ${name}`).toBe(expected);
        expect(name in access.whoCan, `${username} ${name} whoCan`).toBe(!expected);
        if (!expected) {
          // The router refuses before validating input, so an empty input proves the refusal is the permission's.
          const r = await s.router.call({ channel: name, input: {}, sessionId });
          expect(r.ok ? 'ok' : r.error.code, `${username} ${name}`).toBe('FORBIDDEN');
        }
      }
    }
  });

  it('is refused without a session', async () => {
    s = testServices();
    expect(await s.router.call({ channel: 'auth.access', input: {} })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
