import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { testServices, ok } from '../helpers/services';
import { verifyAuditChain } from '../../src-main/features/audit/chain';

let s: ReturnType<typeof testServices>;
afterEach(() => s?.close());

async function threeWrites() {
  for (const v of [20, 25, 30]) await ok(s, 'settings.set', { key: 'security.idleMinutes', value: v });
}

describe('audit trail', () => {
  it('records who, channel, entity, before and after for each write', async () => {
    s = testServices();
    await ok(s, 'settings.set', { key: 'security.idleMinutes', value: 20 });
    await ok(s, 'settings.set', { key: 'security.idleMinutes', value: 25 });
    const r = await ok<{ rows: { username: string; channel: string; entity: string; before: string; after: string }[] }>(
      s, 'audit.list', { entity: 'setting', entityId: 'security.idleMinutes' });
    expect(r.rows[0]).toMatchObject({ username: 'cli', channel: 'settings.set', entity: 'setting', before: '20', after: '25' });
  });

  it('an intact chain verifies', async () => {
    s = testServices();
    await threeWrites();
    expect(verifyAuditChain(s.handle.sqlite)).toMatchObject({ ok: true, broken: [] });
  });

  it('an edited history row is detected and named', async () => {
    s = testServices();
    await threeWrites();
    s.handle.sqlite.prepare("UPDATE audit_log SET after = '99' WHERE id = 3").run();
    const r = verifyAuditChain(s.handle.sqlite);
    expect(r.ok).toBe(false);
    expect(r.broken[0]).toMatchObject({ id: 3 });
    expect(r.broken[0].reason).toMatch(/第 3 条/);
  });

  it('a deleted history row is detected', async () => {
    s = testServices();
    await threeWrites();
    s.handle.sqlite.prepare('DELETE FROM audit_log WHERE id = 2').run();
    const r = verifyAuditChain(s.handle.sqlite);
    expect(r.ok).toBe(false);
    expect(r.broken.map((b) => b.id)).toContain(3);
  });
});

describe('cli check', () => {
  const cli = (dir: string, ...args: string[]) =>
    spawnSync('npx', ['tsx', 'src-main/cli.ts', ...args, '--data-dir', dir], { encoding: 'utf8' });

  it('help lists every verb with its usage and exits 0; an unknown verb exits 2 with the list', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-cli-'));
    const help = cli(dir, 'help');
    expect(help.status).toBe(0);
    expect(Object.keys(JSON.parse(help.stdout).value)).toEqual(expect.arrayContaining(['init', 'check', 'import roster', 'export package', 'print', 'backup']));
    const bad = cli(dir, 'frobnicate');
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).error).toMatchObject({ code: 'UNKNOWN_VERB' });
  });

  it('reports an intact demo database, then exits 1 naming a row edited by hand', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-cli-'));
    const init = cli(dir, 'init', '--demo', '--households', '40');
    expect(init.status, init.stdout + init.stderr).toBe(0);
    const good = cli(dir, 'check');
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, integrity: ['ok'], auditChain: { ok: true } });
    const db = new Database(path.join(dir, 'dibao.db'));
    db.prepare("UPDATE audit_log SET username = 'someone' WHERE id = 1").run();
    db.close();
    const bad = cli(dir, 'check');
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).auditChain.broken[0]).toMatchObject({ id: 1 });
  });
});
