import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../src-main/services';
import { backupsDir, dailyBackupIfDue, listSets } from '../../src-main/features/backup/store';
import { knownSchemaVersion } from '../../src-main/db/connection';
import { testServices, ok, callAs, dbFingerprint } from '../helpers/services';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function fresh() {
  const s = testServices();
  cleanups.push(() => s.close());
  return s;
}
function tmpDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-usb-'));
  cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}
const sha = (c: string) => c.repeat(64).slice(0, 64);

describe('automatic backups', () => {
  it('makes one daily backup at the first start of a day, with the archive store manifest', async () => {
    const s = fresh();
    await ok(s, 'settings.set', { key: 'supervision.complaintDays', value: 47 });
    const store = path.join(s.dir, 'archive-store', 'ab');
    fs.mkdirSync(store, { recursive: true });
    fs.writeFileSync(path.join(store, `${sha('a')}.pdf`), 'scan one');
    s.handle.sqlite.close(); // keep the data dir (s.close() would delete it)
    const again = createServices(s.dir);
    again.close();
    createServices(s.dir).close();
    const sets = listSets(backupsDir(s.dir));
    expect(sets.map((x) => x.kind)).toEqual(['daily']);
    const m = sets[0].manifest!;
    expect(m.archiveStore.files).toEqual([{ name: `ab/${sha('a')}.pdf`, sha256: sha('a'), size: 8 }]);
    expect(m.audit.rows).toBeGreaterThan(0);
    expect(m.schemaVersion).toBe(knownSchemaVersion());
  });

  it('does not back up a fresh, empty database', () => {
    const s = testServices({ init: false });
    cleanups.push(() => s.close());
    s.handle.sqlite.close(); // keep the data dir (s.close() would delete it)
    createServices(s.dir).close();
    expect(listSets(backupsDir(s.dir))).toEqual([]);
  });

  it('copies an existing database before migrating it', () => {
    const s = fresh();
    s.handle.sqlite.pragma(`user_version = ${knownSchemaVersion() - 1}`);
    s.handle.sqlite.close(); // keep the data dir (s.close() would delete it)
    createServices(s.dir).close();
    const kinds = listSets(backupsDir(s.dir)).map((x) => x.kind);
    expect(kinds).toContain('pre-migrate');
  });

  it('rotates daily backups to 7 daily, 4 weekly and 12 monthly sets', () => {
    const s = fresh();
    const start = new Date(2026, 0, 1, 9, 0, 0);
    for (let i = 0; i < 120; i++) {
      const now = new Date(start); now.setDate(start.getDate() + i);
      dailyBackupIfDue(s.handle, s.dir, undefined, now);
    }
    const sets = listSets(backupsDir(s.dir));
    expect(sets.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(sets.length).toBeGreaterThanOrEqual(7 + 3);
    expect(sets[0].day).toBe('2026-04-30');
  });
});

describe('manual backup', () => {
  it('writes a verified set and the archive files to a chosen folder, copying only new files the second time', async () => {
    const s = fresh();
    fs.mkdirSync(path.join(s.dir, 'archive-store'), { recursive: true });
    fs.writeFileSync(path.join(s.dir, 'archive-store', `${sha('b')}.jpg`), 'photo');
    const usb = tmpDir();
    const first = await ok(s, 'backup.create', { toDir: usb });
    expect(first.archiveCopied).toBe(1);
    expect(fs.readFileSync(path.join(usb, 'archive-store', `${sha('b')}.jpg`), 'utf8')).toBe('photo');
    const second = await ok(s, 'backup.create', { toDir: usb });
    expect(second.archiveCopied).toBe(0);
    const sets = listSets(usb);
    expect(sets).toHaveLength(2);
    expect(sets.every((x) => x.manifest?.archiveStore.copied)).toBe(true);
    const audit = await ok(s, 'audit.list', { entity: 'backup' });
    expect(audit.total).toBe(2);
  });

  it('refuses the data dir, folders inside it, relative paths and missing folders, changing nothing', async () => {
    const s = fresh();
    const before = dbFingerprint(s);
    for (const toDir of [s.dir, path.join(s.dir, 'backups'), 'usb', '../../etc', '/no/such/folder', '/etc/passwd']) {
      if (toDir.endsWith('backups')) fs.mkdirSync(toDir, { recursive: true });
      const r = await callAs(s, { userId: null, username: 'cli', displayName: 'cli', role: 'admin' }, 'backup.create', { toDir });
      expect(r.ok).toBe(false);
      if (!r.ok) { expect(r.error.code).toBe('VALIDATION'); expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/); }
    }
    expect(dbFingerprint(s)).toBe(before);
  });

  it('lists backups newest first for administrators only', async () => {
    const s = fresh();
    await ok(s, 'backup.create', {});
    const list = await ok(s, 'backup.list', {});
    expect(list.rows[0]).toMatchObject({ kind: 'manual', kindLabel: '手动备份', complete: true });
    const r = await callAs(s, { userId: null, username: 'c', displayName: 'c', role: 'clerk' }, 'backup.list', {});
    expect(r.ok).toBe(false);
  });
});
