import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { actorOf, ADMIN, callAs, dbFingerprint, DEMO_DAY, ok, testServices } from '../helpers/services';
import { backupsDir, writeManifest } from '../../src-main/features/backup/store';
import { anchorReport, auditAnchorCheck } from '../../src-main/features/backup/anchors';
import { WAIVERS_SETTING } from '../../src-main/features/backup/waivers';

/**
 * Issue 15: restoring a backup older than a head that already left the database (a USB backup, a package) is
 * refused — unless an administrator accepts the loss with a reason. The override is audited, recorded in the
 * restored database, and `check` explains the rollback instead of failing forever; later anchors still count.
 */
const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });
function fresh() {
  const s = testServices({ demo: true, households: 20 });
  cleanups.push(() => s.close());
  return s;
}
function tmpDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-15a-'));
  cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}
const REASON = '本机硬盘故障，最新数据库损坏，恢复上午的备份';

/** An older backup, then a newer USB backup and a package: both heads are anchors the older backup does not reach. */
async function olderBackupAndNewerAnchors(s: ReturnType<typeof fresh>) {
  const { name } = await ok(s, 'backup.create', {});
  await ok(s, 'settings.set', { key: 'security.idleMinutes', value: 20 });
  const usb = await ok(s, 'backup.create', { toDir: tmpDir() });
  const pkg = await ok(s, 'ledgers.exportPackage', { period: '2026-10', destination: tmpDir(), acceptFailedChecks: true });
  return { name, usb, pkg };
}

describe('restore override: an administrator accepts the audit rollback of an older backup, with a reason', () => {
  it('refused without it (saying the override exists); a clerk or an empty reason is refused; with it the restore is audited and check explains it', async () => {
    const s = fresh();
    const { name, pkg } = await olderBackupAndNewerAnchors(s);
    const before = dbFingerprint(s);
    const plain = await callAs(s, ADMIN, 'backup.restore', { name });
    expect(plain.ok).toBe(false);
    expect(!plain.ok && plain.error.message).toContain('最新的审计记录被删除或数据库被换成了旧的');
    expect(!plain.ok && plain.error.message).toContain('接受审计链回退');
    const clerk = await callAs(s, actorOf('clerk'), 'backup.restore', { name, acceptAnchorLoss: { reason: REASON } });
    expect(!clerk.ok && clerk.error.code).toBe('FORBIDDEN');
    const empty = await callAs(s, ADMIN, 'backup.restore', { name, acceptAnchorLoss: { reason: '  ' } });
    expect(!empty.ok && empty.error.message).toContain('理由');
    expect(dbFingerprint(s)).toBe(before);

    const r = await ok(s, 'backup.restore', { name, acceptAnchorLoss: { reason: REASON } });
    expect(r.anchorLoss.reason).toBe(REASON);
    expect(r.anchorLoss.abandoned).toEqual(expect.arrayContaining([pkg.folderName]));
    expect(r.anchorLoss.abandoned.length).toBeGreaterThanOrEqual(2); // the USB backup and the package
    const last = s.handle.sqlite.prepare('SELECT channel, after FROM audit_log ORDER BY id DESC LIMIT 1').get() as { channel: string; after: string };
    expect(last.channel).toBe('backup.restore');
    expect(JSON.parse(last.after).anchorLoss).toMatchObject({ reason: REASON });

    const report = anchorReport(s.handle.sqlite, s.dir);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.waivedAnchors).toBeGreaterThanOrEqual(2);
    expect(report.rollbacks.join()).toContain(REASON);
    expect(report.rollbacks.join()).toContain('审计链回退到');
    const check = await auditAnchorCheck(s);
    expect(check.ok).toBe(true);

    // the override covers those heads only: a later head still counts
    await ok(s, 'settings.set', { key: 'security.idleMinutes', value: 25 });
    await ok(s, 'backup.create', { toDir: tmpDir() });
    expect(anchorReport(s.handle.sqlite, s.dir).ok).toBe(true);
    const n = s.handle.sqlite.prepare('SELECT MAX(id) FROM audit_log').pluck().get() as number;
    s.handle.sqlite.prepare('DELETE FROM audit_log WHERE id > ?').run(n - 2); // the settings row the new USB backup anchored
    const after = anchorReport(s.handle.sqlite, s.dir);
    expect(after.ok).toBe(false);
    expect(after.problems.join()).toContain('最新的审计记录被删除');
  });

  it('does not accept a backup with a forged role or a broken chain, whatever the reason', async () => {
    const s = fresh();
    const { name } = await olderBackupAndNewerAnchors(s);
    const file = path.join(backupsDir(s.dir), name);
    const db = new Database(file);
    db.prepare("UPDATE users SET role = 'admin' WHERE username = 'chakan'").run();
    db.close();
    writeManifest(file, 'manual', s.dir); // a fresh manifest: the hash matches the edited file
    const before = dbFingerprint(s);
    const r = await callAs(s, ADMIN, 'backup.restore', { name, acceptAnchorLoss: { reason: REASON } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('chakan');
    expect(dbFingerprint(s)).toBe(before);
  });

  it('a waiver planted in the settings without the chain key is reported, not honoured', async () => {
    const s = fresh();
    const { name } = await olderBackupAndNewerAnchors(s);
    const anchor = s.handle.sqlite.prepare('SELECT kind, ref, rows, head_hash AS headHash, at FROM audit_anchors ORDER BY id DESC LIMIT 1').get();
    // someone deletes the newest rows and plants an "accepted" note for the anchor they broke
    const n = s.handle.sqlite.prepare('SELECT MAX(id) FROM audit_log').pluck().get() as number;
    s.handle.sqlite.prepare('DELETE FROM audit_log WHERE id > ?').run(n - 3);
    s.handle.sqlite.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(WAIVERS_SETTING,
      JSON.stringify([{ anchor, reason: REASON, by: 'admin', restoredFrom: name, decidedAt: new Date().toISOString(), chainRowsAfter: n - 3, mac: '00'.repeat(32) }]),
      new Date().toISOString());
    const report = anchorReport(s.handle.sqlite, s.dir);
    expect(report.ok).toBe(false);
    expect(report.problems.join()).toContain('“接受审计链回退”记录的校验码不符');
    expect(report.problems.join()).toContain('最新的审计记录被删除');
    expect(report.rollbacks).toEqual([]);
    // and settings.set cannot write it either
    const set = await callAs(s, ADMIN, 'settings.set', { key: WAIVERS_SETTING, value: [] });
    expect(set.ok).toBe(false);
  });

  it('the county accepts the next, shorter package with a warning when the signed manifest declares the rollback, and its number is not reused', async () => {
    const s = fresh();
    const countySvc = testServices({ init: false });
    cleanups.push(() => countySvc.close());
    const countyActor = actorOf('county');
    const key = await ok(s, 'ledgers.publicKey', {});
    await ok(countySvc, 'ledgers.county.registerTownship', { divisionCode: key.township.divisionCode, name: key.township.name, publicKeyPem: key.pem }, countyActor);
    const { name, pkg } = await olderBackupAndNewerAnchors(s);
    await ok(countySvc, 'ledgers.county.import', { dir: pkg.path }, countyActor);
    await ok(s, 'backup.restore', { name, acceptAnchorLoss: { reason: REASON } });
    const next = await ok(s, 'ledgers.exportPackage', { period: '2026-10', destination: tmpDir(), acceptFailedChecks: true });
    expect(next.sequence).toBe(pkg.sequence + 1);
    const imported = await ok(countySvc, 'ledgers.county.import', { dir: next.path }, countyActor);
    expect(imported.warnings.join()).toContain('接受审计链回退');
    expect(imported.warnings.join()).toContain(`第 ${pkg.sequence} 号包`);
  });

  it('command line: restore --accept-anchor-loss "理由", then check exits 0 and names the rollback', async () => {
    const s = fresh();
    const { name } = await olderBackupAndNewerAnchors(s);
    const dir = s.dir;
    const cli = (...args: string[]) => {
      const r = spawnSync('npm', ['run', '-s', 'cli', '--', ...args, '--data-dir', dir], { encoding: 'utf8' });
      return { status: r.status, out: r.stdout ? JSON.parse(r.stdout) : null };
    };
    const file = path.join(backupsDir(dir), name);
    const refused = cli('restore', file);
    expect(refused.status).toBe(1);
    expect(refused.out.error.message).toContain('--accept-anchor-loss');
    expect(cli('restore', file, '--accept-anchor-loss').status).toBe(2);
    const restored = cli('restore', file, '--accept-anchor-loss', REASON);
    expect(restored.status).toBe(0);
    expect(restored.out.value.anchorLoss.reason).toBe(REASON);
    // as of the demo's day: weeks later its planted 待调整 deadlines are overdue and 户档案一致性 rightly fails
    const check = cli('check', '--today', DEMO_DAY);
    expect(check.status).toBe(0);
    const anchors = check.out.checks.find((c: { name: string }) => c.name.startsWith('审计链与已导出链头'));
    expect(anchors.details.rollbacks.join()).toContain(REASON);
  }, 600_000);
});
