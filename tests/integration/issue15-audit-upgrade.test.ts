import { describe, expect, it } from 'vitest';
import { ADMIN, ok, testServices } from '../helpers/services';
import { afterThisTest, oldVersionDataDir, plainSha, rechain, runCheck } from '../helpers/issue15';
import { createServices } from '../../src-main/services';
import { appendAudit, chainKey, verifyAuditChain } from '../../src-main/features/audit/chain';
import { LEGACY_SEAL_CHANNEL } from '../../src-main/features/audit/legacy';

/**
 * Issue 15 (second session) item 1: a database whose audit chain an older version wrote with plain SHA-256 is
 * verified with its own rule at the upgrade and sealed by one keyed row; tampering with the old part is still caught.
 */
async function oldTownship() {
  const cur = testServices({ households: 10 });
  await ok(cur, 'users.create', { username: 'jingban2', displayName: '经办人二', role: 'clerk', password: 'jingban2pass' });
  await ok(cur, 'users.create', { username: 'chakan2', displayName: '查看二', role: 'readonly', password: 'chakan2pass' });
  const dir = oldVersionDataDir(cur.handle.sqlite);
  const oldRows = cur.handle.sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
  cur.close();
  return { dir, oldRows };
}
function open(dir: string) {
  const s = createServices(dir);
  afterThisTest(() => s.close());
  return s;
}

describe('item 1: upgrading an audit chain written before the keyed chain', () => {
  it('the old-style database fails the keyed rule as it is, and passes cli check once opened by this version', async () => {
    const { dir, oldRows } = await oldTownship();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(`${dir}/dibao.db`);
    expect(verifyAuditChain(raw).ok).toBe(false); // as the old version left it, the keyed rule refuses every row
    raw.close();
    const s = open(dir);
    const seal = s.handle.sqlite.prepare('SELECT * FROM audit_log WHERE channel = ?').all(LEGACY_SEAL_CHANNEL) as { id: number; after: string; prev_hash: string }[];
    expect(seal).toHaveLength(1);
    expect(seal[0].id).toBe(oldRows + 1);
    const head = s.handle.sqlite.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(oldRows);
    expect(JSON.parse(seal[0].after)).toMatchObject({ legacyRows: oldRows, legacyHeadId: oldRows, legacyHeadHash: head, brokenAtUpgrade: [] });
    // the chain key is stored at the upgrade, so a USB backup without the private key stays checkable
    expect(s.handle.sqlite.prepare('SELECT key_hex FROM audit_chain_key').pluck().get()).toBe(chainKey(s.handle.sqlite)!.toString('hex'));
    const { code, out } = await runCheck(s);
    expect(out.auditChain.broken).toEqual([]);
    expect(out.checks.filter((c) => !c.ok)).toEqual([]);
    expect(code).toBe(0);
    expect(out.auditChain.legacy).toMatchObject({ rows: oldRows, sealId: oldRows + 1 });
    // new writes continue the keyed chain after the seal
    await ok(s, 'users.create', { username: 'jingban3', displayName: '经办人三', role: 'clerk', password: 'jingban3pass' });
    expect((await runCheck(s)).code).toBe(0);
    // opened again: no second seal
    s.close();
    const again = open(dir);
    expect(again.handle.sqlite.prepare('SELECT COUNT(*) FROM audit_log WHERE channel = ?').pluck().get(LEGACY_SEAL_CHANNEL)).toBe(1);
    expect((await runCheck(again)).code).toBe(0);
  });

  it('an old row edited after the upgrade fails check naming that row', async () => {
    const { dir } = await oldTownship();
    const s = open(dir);
    s.handle.sqlite.prepare(`UPDATE audit_log SET after = '{"role":"admin"}' WHERE id = 2`).run();
    const { code, out } = await runCheck(s);
    expect(code).toBe(1);
    expect(out.auditChain.broken.map((b) => b.id)).toContain(2);
    expect(out.auditChain.broken.find((b) => b.id === 2)!.reason).toBe('第 2 条审计记录（升级前的旧链）的内容被改动（校验码不符）');
  });

  it('the old part edited and re-hashed with plain SHA-256 (the old rule, no key needed) fails at the seal', async () => {
    const { dir, oldRows } = await oldTownship();
    const s = open(dir);
    const db = s.handle.sqlite;
    db.prepare(`UPDATE audit_log SET after = '{"role":"admin"}' WHERE id = 2`).run();
    rechain(db, 2, plainSha, oldRows);
    const r = verifyAuditChain(db);
    expect(r.ok).toBe(false);
    expect(r.broken).toEqual([{ id: oldRows + 1, reason: `升级时核验并封存的旧审计链（第 1 至 ${oldRows} 条）此后被改写：链头与第 ${oldRows + 1} 条升级记录不符` }]);
    expect((await runCheck(s)).code).toBe(1);
  });

  it('deleting the seal, the last old row, or writing a second seal is caught', async () => {
    const { dir, oldRows } = await oldTownship();
    const s = open(dir);
    const db = s.handle.sqlite;
    appendAudit(db, ADMIN, LEGACY_SEAL_CHANNEL, { entity: 'audit_chain', after: { legacyRows: 1, legacyHeadId: 1, legacyHeadHash: 'x' } });
    expect(verifyAuditChain(db).broken).toEqual([{ id: oldRows + 2, reason: `第 ${oldRows + 2} 条是多余的审计链升级记录（旧链只在升级时封存一次）` }]);
    db.prepare('DELETE FROM audit_log WHERE id = ?').run(oldRows + 2);
    expect(verifyAuditChain(db).ok).toBe(true);
    db.prepare('DELETE FROM audit_log WHERE id = ?').run(oldRows);
    expect(verifyAuditChain(db).broken.map((b) => b.id)).toContain(oldRows + 1);
    db.prepare('DELETE FROM audit_log WHERE id = ?').run(oldRows + 1);
    const r = verifyAuditChain(db); // without the seal the old rows fail the keyed rule
    expect(r.ok).toBe(false);
    expect(r.broken.length).toBeGreaterThanOrEqual(oldRows - 1);
  });

  it('an old chain already broken at the upgrade is recorded in the seal and keeps failing check (never laundered)', async () => {
    const { dir } = await oldTownship();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(`${dir}/dibao.db`);
    raw.prepare(`UPDATE audit_log SET username = 'someone' WHERE id = 3`).run();
    raw.close();
    const s = open(dir);
    const seal = JSON.parse(s.handle.sqlite.prepare('SELECT after FROM audit_log WHERE channel = ?').pluck().get(LEGACY_SEAL_CHANNEL) as string);
    expect(seal.brokenAtUpgrade).toEqual([3]);
    const { code, out } = await runCheck(s);
    expect(code).toBe(1);
    expect(out.auditChain.broken.map((b) => b.id)).toContain(3);
  });

  it('a keyed database made to look old (key row deleted, chain re-hashed with plain SHA-256) is not sealed on reopening', async () => {
    const cur = testServices({ households: 10 });
    const dir = cur.dir;
    const db = cur.handle.sqlite;
    expect(verifyAuditChain(db).ok).toBe(true);
    db.prepare(`UPDATE audit_log SET after = '{}' WHERE id = 1`).run();
    rechain(db, 1, plainSha);
    db.prepare('DELETE FROM audit_chain_key').run();
    cur.handle.sqlite.close();
    const s = open(dir);
    afterThisTest(() => cur.close());
    expect(s.handle.sqlite.prepare('SELECT COUNT(*) FROM audit_log WHERE channel = ?').pluck().get(LEGACY_SEAL_CHANNEL)).toBe(0);
    expect(verifyAuditChain(s.handle.sqlite).ok).toBe(false);
    expect((await runCheck(s)).code).toBe(1);
  });
});
