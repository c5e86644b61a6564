import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, testServices } from '../helpers/services';
import { hmacWith, plainSha, rechain as rechainRows } from '../helpers/issue15';
import { chainKey, verifyAuditChain } from '../../src-main/features/audit/chain';
import { anchorReport } from '../../src-main/features/backup/anchors';
import { storedAnchors } from '../../src-main/features/audit/anchors';
import { userReplayProblems } from '../../src-main/features/audit/replay';

/** Issue 15 finding 4 and issue 14 item 7: the keyed audit chain and its anchors outside the rows themselves. */
const PERIOD = '2026-10';
let s: ReturnType<typeof testServices>;
let usb: string;
beforeEach(() => {
  s = testServices({ demo: true, households: 30 });
  usb = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-usb-'));
});
afterEach(() => { s.close(); fs.rmSync(usb, { recursive: true, force: true }); });

const db = () => s.handle.sqlite;
const exportPackage = () => ok(s, 'ledgers.exportPackage', { period: PERIOD, destination: usb, acceptFailedChecks: true });
const rows = () => db().prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
const rechain = (from: number, hashOf: (r: Record<string, unknown>) => string) => rechainRows(db(), from, hashOf);

describe('finding 4: the audit chain is keyed with the township key', () => {
  it('an edited row re-hashed with plain SHA-256 is detected', () => {
    expect(verifyAuditChain(db()).ok).toBe(true);
    db().prepare("UPDATE audit_log SET after = '{\"role\":\"admin\"}' WHERE id = 2").run();
    rechain(2, plainSha);
    const r = verifyAuditChain(db());
    expect(r.ok).toBe(false);
    expect(r.broken[0].reason).toContain('被改动');
  });

  it('the chain key is stored with the chain, so it survives losing the private key', () => {
    const key = chainKey(db())!;
    expect(db().prepare('SELECT key_hex FROM audit_chain_key').pluck().get()).toBe(key.toString('hex'));
  });
});

describe('finding 4: a changed value with no audit row', () => {
  it('a role changed directly in the database is caught by replaying the users\' audit rows; a role changed through the app is not', async () => {
    expect(userReplayProblems(db())).toEqual([]);
    const shenhe = db().prepare("SELECT id FROM users WHERE username = 'shenhe'").pluck().get() as number;
    await ok(s, 'users.update', { id: shenhe, role: 'clerk' });
    expect(userReplayProblems(db())).toEqual([]);
    db().prepare("UPDATE users SET role = 'admin' WHERE username = 'chakan'").run();
    expect(verifyAuditChain(db()).ok).toBe(true);
    expect(userReplayProblems(db())).toEqual(['用户 chakan 的角色是 admin，审计记录中最后一次是 readonly：角色被绕过程序直接改动']);
  });
});

describe('issue 14 item 7: anchors in the package manifest and the table of exported heads', () => {
  it('the signed manifest records the chain length and head; the township keeps the head', async () => {
    const before = rows();
    const head = db().prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(before);
    const p = await exportPackage();
    const manifest = JSON.parse(fs.readFileSync(path.join(p.path, 'manifest.json'), 'utf8'));
    expect(manifest.audit).toEqual({ rows: before, headHash: head });
    expect(storedAnchors(db()).anchors).toEqual([expect.objectContaining({ kind: 'package', ref: p.folderName, rows: before, headHash: head })]);
    expect(anchorReport(db(), s.dir).ok).toBe(true);
  });

  it('deleting the newest audit rows after an export fails check', async () => {
    const p = await exportPackage();
    const anchored = (JSON.parse(fs.readFileSync(path.join(p.path, 'manifest.json'), 'utf8')) as { audit: { rows: number } }).audit.rows;
    db().prepare('DELETE FROM audit_log WHERE id >= ?').run(anchored - 1);
    expect(verifyAuditChain(db()).ok).toBe(true); // the rest of the chain is intact: only the anchor sees the loss
    const r = anchorReport(db(), s.dir);
    expect(r.ok).toBe(false);
    expect(r.problems.join()).toContain('最新的审计记录被删除');
  });

  it('emptying the whole audit table fails check', async () => {
    await exportPackage();
    db().prepare('DELETE FROM audit_log').run();
    expect(anchorReport(db(), s.dir).ok).toBe(false);
    db().prepare('DELETE FROM audit_anchors').run();
    const r = anchorReport(db(), s.dir);
    expect(r.ok).toBe(false); // no anchors left in the database, but an initialized township never has an empty chain
    expect(r.problems.join()).toContain('审计记录表被清空');
  });

  it('rewriting history WITH the key still fails check at the anchored head', async () => {
    await exportPackage();
    db().prepare("UPDATE audit_log SET after = '{}' WHERE id = 3").run();
    rechain(3, hmacWith(chainKey(db())!));
    expect(verifyAuditChain(db()).ok).toBe(true);
    const r = anchorReport(db(), s.dir);
    expect(r.ok).toBe(false);
    expect(r.problems.join()).toContain('此前的审计记录被改写');
  });

  it('an anchor planted without the key is reported, not trusted', async () => {
    await exportPackage();
    db().prepare("INSERT INTO audit_anchors (kind, ref, rows, head_hash, at, mac) VALUES ('package', 'fake', 1, 'x', '2026-01-01', 'bad')").run();
    const r = anchorReport(db(), s.dir);
    expect(r.ok).toBe(false);
    expect(r.problems.join()).toContain('不是本工作站写入的');
  });

  it('a backup manifest on disk is an anchor too: deleting rows and the anchors table after a backup fails check', async () => {
    await ok(s, 'backup.create', {});
    db().prepare('DELETE FROM audit_anchors').run();
    const n = rows();
    db().prepare('DELETE FROM audit_log WHERE id >= ?').run(n - 2);
    const r = anchorReport(db(), s.dir);
    expect(r.ok).toBe(false);
    expect(r.newest?.kind).toBe('backup');
  });
});
