import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { callAs, ADMIN, dbFingerprint, ok, testServices } from '../helpers/services';
import { afterThisTest, tmpDir as sharedTmpDir } from '../helpers/issue15';
import { backupsDir, writeManifest } from '../../src-main/features/backup/store';
import { verifyBackupFile } from '../../src-main/features/backup/verify';
import { restoreDatabase } from '../../src-main/features/backup/restore';
import { verifyAuditChain } from '../../src-main/features/audit/chain';
import { anchorReport } from '../../src-main/features/backup/anchors';
import { CLI_ACTOR } from '../../src-main/services';

/** Issue 15 finding 5 (restore can break the data dir) and finding 4's restore half, and USB backups without the key. */
function fresh(demo = false) {
  const s = testServices({ demo, households: 20 });
  afterThisTest(() => s.close());
  return s;
}
const tmpDir = () => sharedTmpDir('dibao-15b-');
const setFile = (s: ReturnType<typeof fresh>, name: string) => path.join(backupsDir(s.dir), name);
const restoreFails = async (s: ReturnType<typeof fresh>, input: Record<string, unknown>) => {
  const before = dbFingerprint(s);
  const r = await callAs(s, ADMIN, 'backup.restore', input);
  expect(r.ok).toBe(false);
  expect(dbFingerprint(s)).toBe(before);
  expect(fs.existsSync(path.join(s.dir, 'restore-incoming'))).toBe(false);
  return r.ok ? '' : r.error.message;
};

describe('finding 5: backup verify and restore refuse what would break the data dir', () => {
  it('a foreign SQLite file with an audit_log table fails backup verify', () => {
    const file = path.join(tmpDir(), 'foreign.db');
    const db = new Database(file);
    db.exec('CREATE TABLE audit_log (id INTEGER PRIMARY KEY, hash TEXT); CREATE TABLE settings (key TEXT, value TEXT); CREATE TABLE users (id INTEGER)');
    db.close();
    const r = verifyBackupFile(file, file, { withoutManifest: true });
    expect(r.ok).toBe(false);
    expect(r.problems.join()).toContain('不是本程序的数据库');
  });

  it('a backup without its manifest does not verify silently; with the explicit choice it is checked on the database alone', async () => {
    const s = fresh();
    const { name } = await ok(s, 'backup.create', {});
    fs.rmSync(setFile(s, name).replace(/\.db$/, '.manifest.json'));
    const v = await ok(s, 'backup.verify', { name });
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toContain('缺少备份清单');
    expect(verifyBackupFile(setFile(s, name), undefined, { withoutManifest: true }).ok).toBe(true);
    expect(await restoreFails(s, { name })).toContain('缺少备份清单');
    const r = await ok(s, 'backup.restore', { name, withoutManifest: true });
    expect(r.needsLogin).toBe(true);
  });

  it('a candidate the migrations cannot open is refused before anything is replaced', async () => {
    const s = fresh();
    const { name } = await ok(s, 'backup.create', {});
    const file = setFile(s, name);
    const db = new Database(file);
    // pretend migration 0012 (audit_anchors …) and later never ran although their tables exist: migrating this copy fails
    const journal = JSON.parse(fs.readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: { tag: string; when: number }[] };
    const m12 = journal.entries.find((e) => e.tag.startsWith('0012_'))!;
    db.prepare('DELETE FROM __drizzle_migrations WHERE created_at >= ?').run(m12.when);
    db.pragma('user_version = 12');
    db.close();
    writeManifest(file, 'manual', s.dir); // an honest-looking manifest: only opening the copy shows the problem
    expect(await restoreFails(s, { name })).toContain('用本程序的数据库结构打开备份失败');
    expect((await ok(s, 'settings.get', {})).township).toBeTruthy(); // the live database still answers
  });

  it('a backup whose audit log was emptied and a 只读 user made administrator is refused, even with a fresh manifest', async () => {
    const s = fresh(true);
    const { name } = await ok(s, 'backup.create', {});
    const file = setFile(s, name);
    const db = new Database(file);
    db.prepare("UPDATE users SET role = 'admin' WHERE username = 'chakan'").run();
    db.prepare('DELETE FROM audit_log').run();
    db.close();
    writeManifest(file, 'manual', s.dir);
    const message = await restoreFails(s, { name });
    expect(message).toContain('审计记录为空');
  });

  it('a backup where a 只读 user was made administrator without an audit row is refused (role replayed from the trail)', async () => {
    const s = fresh(true);
    const { name } = await ok(s, 'backup.create', {});
    const file = setFile(s, name);
    const db = new Database(file);
    db.prepare("UPDATE users SET role = 'admin' WHERE username = 'chakan'").run();
    db.close();
    writeManifest(file, 'manual', s.dir);
    expect(verifyAuditChain(s.handle.sqlite).ok).toBe(true);
    const message = await restoreFails(s, { name });
    expect(message).toContain('用户 chakan 的角色是 admin，审计记录中最后一次是 readonly');
  });

  it('refuses a database shorter than the newest anchor (a copy taken to a USB stick after the backup)', async () => {
    const s = fresh(true);
    const { name } = await ok(s, 'backup.create', {});
    await ok(s, 'settings.set', { key: 'security.idleMinutes', value: 20 });
    await ok(s, 'backup.create', { toDir: tmpDir() }); // its head is recorded in audit_anchors
    const message = await restoreFails(s, { name });
    expect(message).toContain('最新的审计记录被删除或数据库被换成了旧的');
  });

  it('restoring a newer backup carries the live anchors over, so a later check still sees them', async () => {
    const s = fresh(true);
    await ok(s, 'backup.create', { toDir: tmpDir() });
    const { name } = await ok(s, 'backup.create', {});
    await ok(s, 'backup.restore', { name });
    expect(s.handle.sqlite.prepare("SELECT COUNT(*) FROM audit_anchors WHERE kind = 'usb-backup'").pluck().get()).toBe(1);
    expect(anchorReport(s.handle.sqlite, s.dir).ok).toBe(true);
    expect(verifyAuditChain(s.handle.sqlite).ok).toBe(true);
  });
});

describe('USB backups carry no private key; backups are 0600', () => {
  it('a USB backup has no private key bytes, verifies, and restores with the live key put back', async () => {
    const s = fresh();
    const usb = tmpDir();
    const r = await ok(s, 'backup.create', { toDir: usb });
    expect(r.privateKeyIncluded).toBe(false);
    const file = path.join(usb, r.name);
    expect(fs.readFileSync(file).includes('PRIVATE KEY')).toBe(false);
    expect(verifyBackupFile(file).ok).toBe(true);
    const livePriv = s.handle.sqlite.prepare("SELECT value FROM settings WHERE key = 'signing.privateKeyPem'").pluck().get();
    const restored = restoreDatabase({ dataDir: s.dir, source: file, live: s.handle, actor: CLI_ACTOR, channel: 'test' });
    expect(restored.newSigningKey).toBe(false);
    expect(s.handle.sqlite.prepare("SELECT value FROM settings WHERE key = 'signing.privateKeyPem'").pluck().get()).toBe(livePriv);
    expect(verifyAuditChain(s.handle.sqlite).ok).toBe(true);
  });

  it('restored on a new PC, a USB backup gets a new signing key and its audit chain still verifies', async () => {
    const s = fresh();
    const usb = tmpDir();
    const r = await ok(s, 'backup.create', { toDir: usb });
    const newPc = tmpDir();
    const restored = restoreDatabase({ dataDir: newPc, source: path.join(usb, r.name), actor: CLI_ACTOR, channel: 'test' });
    expect(restored.newSigningKey).toBe(true);
    const db = new Database(path.join(newPc, 'dibao.db'), { readonly: true });
    try {
      expect(verifyAuditChain(db).ok).toBe(true);
      expect(db.prepare("SELECT 1 FROM settings WHERE key = 'signing.privateKeyPem'").get()).toBeTruthy();
    } finally { db.close(); }
  });

  it.skipIf(process.platform === 'win32')('backup files and manifests are created 0600', async () => {
    const s = fresh();
    const usb = tmpDir();
    for (const input of [{}, { toDir: usb }]) {
      const r = await ok(s, 'backup.create', input);
      const file = path.join(r.folder, r.name);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(file.replace(/\.db$/, '.manifest.json')).mode & 0o777).toBe(0o600);
    }
  });
});
