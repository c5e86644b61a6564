import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsDir, listSets } from '../../src-main/features/backup/store';
import { verifyAuditChain } from '../../src-main/features/audit/chain';
import { testServices, ok, callAs, ADMIN, dbFingerprint } from '../helpers/services';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });
function fresh() {
  const s = testServices();
  cleanups.push(() => s.close());
  return s;
}
const setting = (s: ReturnType<typeof fresh>, key: string) =>
  (s.handle.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;

describe('restore', () => {
  it('verifies the backup, keeps a safety copy and swaps the running database in place', async () => {
    const s = fresh();
    await ok(s, 'settings.set', { key: 'supervision.complaintDays', value: 42 });
    const { name } = await ok(s, 'backup.create', {});
    await ok(s, 'settings.set', { key: 'supervision.complaintDays', value: 43 });
    const oldConnection = s.handle.sqlite;
    const r = await ok(s, 'backup.restore', { name });
    expect(r).toMatchObject({ restoredFrom: name, needsLogin: true });
    expect(s.handle.sqlite).not.toBe(oldConnection);
    expect(setting(s, 'supervision.complaintDays')).toBe('42');
    // The running router uses the restored database, and its audit chain records the restore.
    const audit = await ok(s, 'audit.list', { entity: 'database' });
    expect(audit.rows[0].after).toContain(name);
    expect(verifyAuditChain(s.handle.sqlite).ok).toBe(true);
    // The replaced database is kept: restoring the safety copy brings 'after' back.
    const safety = listSets(backupsDir(s.dir)).find((x) => x.kind === 'pre-restore')!;
    expect(safety.name).toBe(r.safetyCopy);
    await ok(s, 'backup.restore', { name: safety.name });
    expect(setting(s, 'supervision.complaintDays')).toBe('43');
  });

  it('refuses a damaged backup and leaves the live database untouched', async () => {
    const s = fresh();
    const { name } = await ok(s, 'backup.create', {});
    const file = path.join(backupsDir(s.dir), name);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 4096, 8192);
    fs.writeFileSync(file, bytes);
    const before = dbFingerprint(s);
    const r = await callAs(s, ADMIN, 'backup.restore', { name });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'BACKUP_INVALID' });
    if (!r.ok) expect(r.error.message).toContain('未恢复');
    expect(dbFingerprint(s)).toBe(before);
    expect(fs.existsSync(path.join(s.dir, 'restore-incoming.db'))).toBe(false);
  });

  it('refuses a backup whose audit chain was edited, even with a matching manifest removed', async () => {
    const s = fresh();
    await ok(s, 'settings.set', { key: 'supervision.complaintDays', value: 47 });
    const { name } = await ok(s, 'backup.create', {});
    const file = path.join(backupsDir(s.dir), name);
    fs.rmSync(file.replace(/\.db$/, '.manifest.json'));
    const db = new Database(file);
    db.prepare("UPDATE audit_log SET username = 'someone' WHERE id = 1").run();
    db.close();
    const v = await ok(s, 'backup.verify', { name });
    expect(v.ok).toBe(false);
    expect(v.problems.join()).toContain('审计链');
    const r = await callAs(s, ADMIN, 'backup.restore', { name });
    expect(r.ok).toBe(false);
  });

  it('backs up and restores through the command line', () => {
    const s = fresh();
    s.handle.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('demo.cli', '1', 'x')").run();
    s.handle.sqlite.close(); // keep the data dir (s.close() would delete it)
    const file = path.join(s.dir, '..', `${path.basename(s.dir)}-cli.db`);
    cleanups.push(() => { fs.rmSync(file, { force: true }); fs.rmSync(file.replace(/\.db$/, '.manifest.json'), { force: true }); });
    const cli = (...args: string[]) => JSON.parse(execFileSync('npx', ['tsx', 'src-main/cli.ts', ...args, '--data-dir', s.dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    expect(cli('backup', '--to', file).ok).toBe(true);
    const raw = new Database(path.join(s.dir, 'dibao.db'));
    raw.prepare("DELETE FROM settings WHERE key = 'demo.cli'").run();
    raw.close();
    const out = cli('restore', file);
    expect(out.ok).toBe(true);
    const after = new Database(path.join(s.dir, 'dibao.db'), { readonly: true });
    expect(after.prepare("SELECT value FROM settings WHERE key = 'demo.cli'").get()).toEqual({ value: '1' });
    after.close();
  }, 60_000);
});
