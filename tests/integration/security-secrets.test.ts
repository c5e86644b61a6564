// Issue 15, finding 3 and the file-mode part of 8: secrets redacted by schema field, logs and the database 0600.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createServices } from '../../src-main/services';
import { allChannels } from '../../src-main/features/registry';
import { isSecret, redactSecrets, REDACTED } from '../../src-main/ipc/secret';
import { ok, testServices } from '../helpers/services';

let s: ReturnType<typeof testServices> | undefined;
afterEach(() => { s?.close(); s = undefined; });
const logs = (dir: string) => fs.readdirSync(path.join(dir, 'logs')).map((f) => fs.readFileSync(path.join(dir, 'logs', f), 'utf8')).join('');
const mode = (f: string) => fs.statSync(f).mode & 0o777;

describe('finding 3: no password reaches the log', () => {
  it('login (right and wrong), users.create, a password reset and setup.init are logged with the password redacted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-secret-'));
    const raw = createServices(dir);
    try {
      const setup = await raw.router.call({ channel: 'setup.init', input: { township: { name: '青溪镇', divisionCode: '510902105000', county: '示范县' },
        admin: { username: 'admin', displayName: '管理员', password: 'Setup-Pw-5501' } } });
      expect(setup.ok).toBe(true);
      await raw.router.call({ channel: 'auth.login', input: { username: 'admin', password: 'Wrong-Guess-7702' } });
      await raw.router.call({ channel: 'auth.login', input: { username: 'nobody', password: 'Wrong-Guess-7703' } });
      const login = await raw.router.call({ channel: 'auth.login', input: { username: 'admin', password: 'Setup-Pw-5501' } });
      const sessionId = (login as { value: { sessionId: string } }).value.sessionId;
      const created = await raw.router.call({ channel: 'users.create', sessionId,
        input: { username: 'li', displayName: '李经办', role: 'clerk', password: 'Created-Pw-8803' } });
      expect(created.ok).toBe(true);
      const id = (created as { value: { id: number } }).value.id;
      await raw.router.call({ channel: 'users.update', sessionId, input: { id, password: 'Reset-Pw-9904' } });
      await raw.router.call({ channel: 'users.update', sessionId, input: { id, password: 'short' } }); // refused, still logged
      const text = logs(dir);
      for (const secret of ['Setup-Pw-5501', 'Wrong-Guess-7702', 'Wrong-Guess-7703', 'Created-Pw-8803', 'Reset-Pw-9904', 'short"']) {
        expect(text, secret).not.toContain(secret);
      }
      expect(text.match(new RegExp(REDACTED.replace(/[[\]]/g, '\\$&'), 'g'))?.length).toBeGreaterThanOrEqual(7);
      expect(text).toContain('"username":"nobody"'); // the rest of the input is still there to trace a call
    } finally { raw.close(); fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('redacts by the schema, not by the field name or the value', () => {
    const create = allChannels['users.create'].input as z.ZodType;
    expect(redactSecrets(create, { username: 'password', displayName: 'password123', role: 'clerk', password: 'x' }))
      .toEqual({ username: 'password', displayName: 'password123', role: 'clerk', password: REDACTED });
  });

  it('every password-, secret- or token-like field of every channel is marked secret (a new one cannot be forgotten)', () => {
    const unmarked: string[] = [];
    const walk = (schema: z.ZodType | undefined, at: string, depth = 0): void => {
      if (!schema || depth > 12) return;
      const def = (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
      if (def.type === 'object') {
        for (const [k, v] of Object.entries((schema as unknown as { shape: Record<string, z.ZodType> }).shape)) {
          if (/pass(word)?|secret|token|pin$|privateKey/i.test(k) && !isSecret(v)) unmarked.push(`${at}.${k}`);
          walk(v, `${at}.${k}`, depth + 1);
        }
      }
      for (const k of ['innerType', 'in', 'element', 'left', 'right', 'valueType']) walk(def[k], at, depth + 1);
      for (const o of def.options ?? []) walk(o, at, depth + 1);
    };
    for (const [name, def] of Object.entries(allChannels)) walk(def.input as z.ZodType, name);
    expect(unmarked).toEqual([]);
  });
});

describe('finding 8: data files are readable by their owner only', () => {
  it('creates the database (and its WAL) and every log 0600, the log folder 0700, and closes down older 0644 files', async () => {
    s = testServices();
    await ok(s, 'settings.set', { key: 'security.idleMinutes', value: 20 });
    expect(mode(path.join(s.dir, 'dibao.db'))).toBe(0o600);
    expect(mode(path.join(s.dir, 'dibao.db-wal'))).toBe(0o600);
    expect(mode(path.join(s.dir, 'logs'))).toBe(0o700);
    for (const f of fs.readdirSync(path.join(s.dir, 'logs'))) expect(mode(path.join(s.dir, 'logs', f))).toBe(0o600);
    const dir = s.dir;
    s.handle.sqlite.close();
    fs.chmodSync(path.join(dir, 'dibao.db'), 0o644);
    fs.chmodSync(path.join(dir, 'logs', fs.readdirSync(path.join(dir, 'logs'))[0]), 0o644);
    const again = createServices(dir);
    try {
      expect(mode(path.join(dir, 'dibao.db'))).toBe(0o600);
      for (const f of fs.readdirSync(path.join(dir, 'logs'))) expect(mode(path.join(dir, 'logs', f))).toBe(0o600);
    } finally { again.close(); }
    fs.rmSync(dir, { recursive: true, force: true });
    s = undefined;
  });
});
