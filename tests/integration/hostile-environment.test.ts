import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src-main/services';
import { toErrorBody } from '../../src-main/ipc/router';
import { verifyAuditChain } from '../../src-main/features/audit/chain';
import { DB_FILE_NAME } from '../../src-main/db/connection';
import { testServices, ok, callAs, ADMIN } from '../helpers/services';

/**
 * The machine misbehaves: the data dir is read-only, the disk is full, another program holds the database.
 * Each gives a clear Chinese error and loses nothing. As root the real thing is used (a read-only bind mount,
 * a 4 MB tmpfs); otherwise it is simulated (file permissions; SQLite's max_page_count).
 */
const isRoot = process.getuid?.() === 0;
const run = (cmd: string) => { try { execSync(cmd, { stdio: 'ignore' }); return true; } catch { return false; } };
const chinese = /[\u4e00-\u9fa5]/;
const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

const setting = (s: Services, key: string) =>
  (s.handle.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
function healthy(s: Services) {
  expect(s.handle.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(verifyAuditChain(s.handle.sqlite).ok).toBe(true);
}

/** Makes dir read-only for this process; returns the undo, or null when this machine cannot. */
function makeReadOnly(dir: string): (() => void) | null {
  if (isRoot) {
    if (!run(`mount --bind "${dir}" "${dir}"`)) return null;
    if (!run(`mount -o remount,ro,bind "${dir}"`)) { run(`umount "${dir}"`); return null; }
    return () => { run(`umount "${dir}"`) || run(`umount -l "${dir}"`); };
  }
  run(`chmod -R a-w "${dir}"`);
  return () => { run(`chmod -R u+w "${dir}"`); };
}

describe('a read-only data dir', () => {
  it('refuses to start with a Chinese message and keeps every record', async ({ skip }) => {
    const s = testServices();
    cleanups.push(() => s.close());
    await ok(s, 'settings.set', { key: 'supervision.complaintDays', value: 41 });
    s.handle.sqlite.close(); // keep the dir
    const undo = makeReadOnly(s.dir);
    if (!undo) return skip('this machine cannot make a folder read-only for root (no mount)');
    let error: unknown;
    try { createServices(s.dir).close(); } catch (e) { error = e; } finally { undo(); }
    const body = toErrorBody(error);
    expect(['DB_OPEN_FAILED', 'READ_ONLY']).toContain(body.code);
    expect(body.message).toMatch(chinese);
    const again = createServices(s.dir);
    cleanups.push(() => again.close());
    expect(setting(again, 'supervision.complaintDays')).toBe('41');
    healthy(again);
  });

  it('refuses a read-only backup folder before writing anything', async ({ skip }) => {
    const s = testServices();
    cleanups.push(() => s.close());
    const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-ro-usb-'));
    cleanups.push(() => fs.rmSync(usb, { recursive: true, force: true }));
    const undo = makeReadOnly(usb);
    if (!undo) return skip('this machine cannot make a folder read-only for root (no mount)');
    try {
      const r = await callAs(s, ADMIN, 'backup.create', { toDir: usb });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!r.ok) expect(r.error.message).toContain('不可写');
    } finally { undo(); }
    expect(fs.readdirSync(usb)).toEqual([]);
  });
});

describe('a full disk', () => {
  it('refuses the write and the backup with a Chinese message; after cleaning up everything is there', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-full-'));
    const mounted = isRoot && run(`mount -t tmpfs -o size=4m tmpfs "${dir}"`);
    cleanups.push(() => { if (mounted) run(`umount "${dir}"`) || run(`umount -l "${dir}"`); fs.rmSync(dir, { recursive: true, force: true }); });
    const s = createServices(path.join(dir, 'data'));
    cleanups.push(() => s.close());
    await ok(s, 'settings.set', { key: 'supervision.complaintDays', value: 41 });
    const filler = path.join(dir, 'filler');
    if (mounted) {
      try { fs.writeFileSync(filler, Buffer.alloc(8 * 1024 * 1024)); } catch { /* ENOSPC: the disk is full now */ }
    } else {
      s.handle.sqlite.pragma(`max_page_count = ${s.handle.sqlite.pragma('page_count', { simple: true })}`);
    }
    const write = await callAs(s, ADMIN, 'settings.set', { key: 'supervision.relations', value: Array.from({ length: 50 }, (_, i) => `关系${i}`.padEnd(20, '亲')) });
    expect(write).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    if (!write.ok) expect(write.error.message).toMatch(chinese);
    if (mounted) {
      const backup = await callAs(s, ADMIN, 'backup.create', {});
      expect(backup.ok).toBe(false);
      if (!backup.ok) { expect(['BACKUP_FAILED', 'DISK_FULL']).toContain(backup.error.code); expect(backup.error.message).toMatch(chinese); }
      expect(fs.readdirSync(path.join(dir, 'data', 'backups')).filter((n) => n.endsWith('.db'))).toEqual([]);
      fs.rmSync(filler, { force: true });
    } else {
      s.handle.sqlite.pragma('max_page_count = 4294967294');
    }
    expect(setting(s, 'supervision.complaintDays')).toBe('41');
    expect(setting(s, 'supervision.relations')).toBeUndefined();
    healthy(s);
    await ok(s, 'settings.set', { key: 'supervision.relations', value: Array.from({ length: 50 }, (_, i) => `关系${i}`.padEnd(20, '亲')) });
  });
});

describe('a database locked by another process', () => {
  it('answers DB_BUSY in Chinese while the other program writes, and loses neither side', async () => {
    const s = testServices();
    cleanups.push(() => s.close());
    await ok(s, 'settings.set', { key: 'supervision.complaintDays', value: 44 });
    const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
    const script = `const D = require(${JSON.stringify(sqlitePath)}); const db = new D(${JSON.stringify(path.join(s.dir, DB_FILE_NAME))});
      db.exec('BEGIN EXCLUSIVE'); db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('other.process', '1', 'x')").run();
      process.stdout.write('locked\\n'); process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); process.exit(0); }); process.stdin.resume();`;
    const other = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    cleanups.push(() => other.kill('SIGKILL'));
    await new Promise<void>((resolve, reject) => {
      other.stdout.on('data', (d) => { if (String(d).includes('locked')) resolve(); });
      other.on('exit', (code) => reject(new Error(`locker exited ${code}`)));
    });
    s.handle.sqlite.pragma('busy_timeout = 300'); // the app waits 5 s; the test need not
    const r = await callAs(s, ADMIN, 'settings.set', { key: 'supervision.complaintDays', value: 45 });
    expect(r).toMatchObject({ ok: false, error: { code: 'DB_BUSY' } });
    if (!r.ok) expect(r.error.message).toMatch(chinese);
    expect((await callAs(s, ADMIN, 'settings.get', {})).ok).toBe(true); // reading still works (WAL)
    const exited = new Promise((resolve) => other.on('exit', resolve));
    other.stdin.end();
    await exited;
    expect(setting(s, 'other.process')).toBe('1');
    expect(setting(s, 'supervision.complaintDays')).toBe('44');
    await ok(s, 'settings.set', { key: 'supervision.complaintDays', value: 46 });
    healthy(s);
  });
});
