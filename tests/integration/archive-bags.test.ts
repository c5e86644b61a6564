import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testServices, ok, callAs, actorOf, ADMIN } from '../helpers/services';
import { emit } from '../../src-main/features/events';
import { appendAudit } from '../../src-main/features/audit/chain';
import { insertRegion } from '../../src-main/features/regions/channels';
import { saveToInbox, outboxPath } from '../../src-main/ipc/files';
import { newOutboxFile } from '../../src-main/ipc/outbox';
import { storeDir } from '../../src-main/features/archive/store';
import { extraChecks } from '../../src-main/cli/checks';
import type { HandlerContext } from '../../src-main/ipc/contract';

type S = ReturnType<typeof testServices>;
let s: S;
let v1: number, v1g1: number, v1g2: number, v2: number, v2g1: number;

/** The context a feature handler would pass to emit (same database, audited). */
const ctxOf = (x: S): HandlerContext => ({
  db: x.handle.db, sqlite: x.handle.sqlite, dataDir: x.dir, actor: ADMIN, channel: 'test',
  audit: (e) => appendAudit(x.handle.sqlite, ADMIN, 'test', e), tx: (fn) => x.handle.sqlite.transaction(fn)(),
  progress: () => {}, cancelled: () => false, inWorker: () => Promise.reject(new Error('no worker here')), txSliced: (fn) => fn(), sessionId: null, session: { bind: () => '', end: () => {} },
});

/** A household row as the households feature writes it (its channels emit householdCreated the same way). */
function household(villageId: number, groupId: number | null, status = '在保', startMonth: string | null = '2024-03', emitEvent = true): number {
  const now = new Date().toISOString();
  const id = Number(s.handle.sqlite.prepare(`INSERT INTO households (category, status, village_id, group_id, start_month, created_at, updated_at)
    VALUES ('农村低保', ?, ?, ?, ?, ?, ?)`).run(status, villageId, groupId, startMonth, now, now).lastInsertRowid);
  const m = Number(s.handle.sqlite.prepare(`INSERT INTO members (household_id, name, id_number, sex, birth_date, relation, created_at)
    VALUES (?, ?, ?, '男', '1960-01-01', '户主', ?)`).run(id, `户主${id}`, `ID${id}`, now).lastInsertRowid);
  s.handle.sqlite.prepare('UPDATE households SET head_member_id = ? WHERE id = ?').run(m, id);
  if (emitEvent) s.handle.sqlite.transaction(() => emit.householdCreated(ctxOf(s), { householdId: id }))();
  return id;
}

const bag = (householdId: number) => ok(s, 'archive.bag', { householdId });
/** A PDF in the outbox as the print engine leaves it: recorded (with the print permission), under a random name. */
const printed = (label: string, bytes: Buffer) => {
  const out = newOutboxFile({ sqlite: s.handle.sqlite, dataDir: s.dir, actor: ADMIN, permission: 'read' }, label, { inline: true });
  fs.writeFileSync(out.path, bytes);
  return out.name;
};
const PDF = (pages: number, salt = '') => Buffer.from(`%PDF-1.4\n${Array.from({ length: pages }, (_, i) => `${i + 3} 0 obj << /Type /Page /Parent 2 0 R >> endobj\n`).join('')}%${salt}\n%%EOF\n`);

beforeEach(() => {
  s = testServices();
  const root = (s.handle.sqlite.prepare("SELECT id FROM regions WHERE level = 'township'").get() as { id: number }).id;
  v1 = insertRegion(s.handle.sqlite, root, 'village', '桃源社区', 1);
  v2 = insertRegion(s.handle.sqlite, root, 'village', '石桥村', 2);
  v1g1 = insertRegion(s.handle.sqlite, v1, 'group', '1组', 1);
  v1g2 = insertRegion(s.handle.sqlite, v1, 'group', '2组', 2);
  v2g1 = insertRegion(s.handle.sqlite, v2, 'group', '1组', 1);
});
afterEach(() => s.close());

describe('bag location and 档号', () => {
  it('gives a new household a bag in its village cabinet and group box, numbered in order', async () => {
    const a = household(v1, v1g2);
    const b = household(v1, v1g2);
    const c = household(v2, v2g1, '在保', '2025-01');
    expect((await bag(a)).bag).toMatchObject({ locationCode: '1-01-02-001', archiveNo: 'J001-DB·2024-D10-0001', status: '在管' });
    expect((await bag(b)).bag).toMatchObject({ locationCode: '1-01-02-002', archiveNo: 'J001-DB·2024-D10-0002' });
    expect((await bag(c)).bag.locationLabel).toBe('青溪镇档案室 · 石桥村柜（02） · 1组盒（01） · 第1袋');
    const audited = s.handle.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'archiveBag'").get() as { n: number };
    expect(audited.n).toBe(3);
  });

  it('moves the bag with the household to the new box, keeps the 档号 and records the move', async () => {
    const a = household(v1, v1g1);
    household(v2, v2g1);
    const before = (await bag(a)).bag;
    s.handle.sqlite.transaction(() => emit.householdMoved(ctxOf(s), { householdId: a, fromVillageId: v1, fromGroupId: v1g1, toVillageId: v2, toGroupId: v2g1, date: '2026-05-01' }))();
    const after = await bag(a);
    expect(after.bag.archiveNo).toBe(before.archiveNo);
    expect(after.bag.locationCode).toBe('1-02-01-002');
    expect(after.moves).toEqual([expect.objectContaining({ from: expect.stringContaining('1-01-01-001'), to: expect.stringContaining('1-02-01-002'), date: '2026-05-01' })]);
  });

  it('uses one box per village when the levels setting says 一村一盒', async () => {
    await ok(s, 'archive.settings.save', { ...(await ok(s, 'archive.meta', {})).settings, levels: 'cabinet-box-bag' });
    household(v2, v2g1);
    const b = household(v2, null);
    expect((await bag(b)).bag.locationCode).toBe('1-02-002');
  });

  it('backfills bags for households that were written without the event', async () => {
    const a = household(v1, v1g1, '在保', '2024-03', false);
    const b = household(v1, v1g1, '停保', '2020-01', false);
    expect((await bag(a)).bag).toBeNull();
    expect(await ok(s, 'archive.assignMissing', {})).toEqual({ assigned: 2 });
    expect((await bag(b)).bag.status).toBe('停保档案');
    expect(await ok(s, 'archive.assignMissing', {})).toEqual({ assigned: 0 });
  });

  it('gives every demo household a bag with catalogue entries and lends a few out, one overdue', () => {
    const d = testServices({ demo: true, households: 40 });
    try {
      const q = (sql: string) => (d.handle.sqlite.prepare(sql).get() as { n: number }).n;
      expect(q('SELECT COUNT(*) AS n FROM households h LEFT JOIN archive_bags b ON b.household_id = h.id WHERE b.id IS NULL')).toBe(0);
      expect(q('SELECT COUNT(*) AS n FROM archive_items')).toBeGreaterThan(100);
      expect(q("SELECT COUNT(*) AS n FROM archive_borrowings WHERE returned_at IS NULL AND due_date < '2026-11-22'")).toBeGreaterThanOrEqual(1);
    } finally { d.close(); }
  });
});

describe('exit, retention and disposal', () => {
  it('starts retention when benefit stops and allows disposal only with a named approver, keeping the record', async () => {
    const a = household(v1, v1g1);
    s.handle.sqlite.transaction(() => emit.householdStatusChanged(ctxOf(s), { householdId: a, from: '在保', to: '停保', date: '2020-01-10', reason: '收入超标' }))();
    const d = await bag(a);
    expect(d.bag.status).toBe('停保档案');
    expect(d.retentionUntil).toBe('2023-01-10');
    const due = await ok(s, 'archive.retentionDue', {});
    expect(due.map((r: { householdId: number }) => r.householdId)).toEqual([a]);
    const noApprover = await callAs(s, ADMIN, 'archive.dispose', { bagId: d.bag.id, method: '销毁', approver: '', approvedAt: '2026-11-01' });
    expect(noApprover.ok).toBe(false);
    await ok(s, 'archive.dispose', { bagId: d.bag.id, method: '销毁', approver: '张分管', approvedAt: '2026-11-01' });
    expect((await bag(a)).bag.status).toBe('已处置');
    expect(s.handle.sqlite.prepare('SELECT approver FROM archive_disposals').all()).toEqual([{ approver: '张分管' }]);
    const again = await callAs(s, ADMIN, 'archive.dispose', { bagId: d.bag.id, method: '销毁', approver: '张分管', approvedAt: '2026-11-01' });
    expect(again.ok).toBe(false);
  });

  it('refuses to dispose of a bag still within retention', async () => {
    const a = household(v1, v1g1);
    s.handle.sqlite.transaction(() => emit.householdStatusChanged(ctxOf(s), { householdId: a, from: '在保', to: '未通过', date: '2026-10-01', reason: '' }))();
    const r = await callAs(s, ADMIN, 'archive.dispose', { bagId: (await bag(a)).bag.id, method: '销毁', approver: '张分管', approvedAt: '2026-11-01' });
    expect(r.ok ? '' : r.error.message).toMatch(/未到保管期限/);
  });
});

describe('catalogue, attachments and the store check', () => {
  it('stores an uploaded scan once by its SHA-256 and shows it in the catalogue', async () => {
    const a = household(v1, v1g1);
    const scan = PDF(1, 'scan');
    const n1 = saveToInbox(s.dir, '申请书.pdf', scan);
    const n2 = saveToInbox(s.dir, '申请书-副本.pdf', scan);
    const r1 = await ok(s, 'archive.addItem', { householdId: a, docType: '申请书', title: '低保申请书', date: '2024-02-01', inboxName: n1 });
    const r2 = await ok(s, 'archive.addItem', { householdId: a, docType: '申请书', title: '低保申请书（副本）', date: '2024-02-01', inboxName: n2 });
    expect(r1.sha256).toBe(r2.sha256);
    expect(r2.alreadyStored).toBe(true);
    expect(fs.readdirSync(storeDir(s.dir))).toEqual([r1.sha256]);
    const d = await bag(a);
    expect(d.items.map((i: { title: string; hasFile: boolean }) => [i.title, i.hasFile])).toEqual([['低保申请书', true], ['低保申请书（副本）', true]]);
    expect(d.missing.map((m: { docType: string }) => m.docType)).not.toContain('申请书');
    const opened = await ok(s, 'archive.openFile', { itemId: r1.id });
    expect(fs.readFileSync(outboxPath(s.dir, opened.outboxName))).toEqual(scan);
  });

  it('refuses an inbox name that tries to leave the inbox and a file type it does not keep', async () => {
    const a = household(v1, v1g1);
    const r = await callAs(s, ADMIN, 'archive.addItem', { householdId: a, docType: '申请书', title: 'x', date: '2024-02-01', inboxName: '../../x' });
    expect(r.ok ? '' : r.error.code).toBe('BAD_FILE_NAME');
    expect(() => saveToInbox(s.dir, 'tool.exe', Buffer.from('MZ\x90\x00'))).toThrow(/只能上传/);
    // A file that reached the inbox some other way is still refused by the archive itself.
    fs.mkdirSync(path.join(s.dir, 'inbox'), { recursive: true });
    fs.writeFileSync(path.join(s.dir, 'inbox', 'tool.exe'), Buffer.from('MZ\x90\x00'));
    const exe = 'tool.exe';
    const t = await callAs(s, ADMIN, 'archive.addItem', { householdId: a, docType: '申请书', title: 'x', date: '2024-02-01', inboxName: exe });
    expect(t.ok ? '' : t.error.code).toBe('BAD_FILE_TYPE');
    expect(s.handle.sqlite.prepare('SELECT COUNT(*) AS n FROM archive_items').get()).toEqual({ n: 0 });
  });

  it('the store check catches a changed file, a missing file and a recorded name like ../../x', async () => {
    const a = household(v1, v1g1);
    const one = await ok(s, 'archive.addItem', { householdId: a, docType: '申请书', title: 'a', date: '2024-02-01', inboxName: saveToInbox(s.dir, 'a.pdf', PDF(1, 'a')) });
    const two = await ok(s, 'archive.addItem', { householdId: a, docType: '收入证明', title: 'b', date: '2024-02-01', inboxName: saveToInbox(s.dir, 'b.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2])) });
    expect((await ok(s, 'archive.verifyStore', {})).ok).toBe(true);
    fs.appendFileSync(path.join(storeDir(s.dir), one.sha256), 'tampered');
    fs.rmSync(path.join(storeDir(s.dir), two.sha256));
    fs.writeFileSync(path.join(s.dir, 'x'), 'outside the store');
    s.handle.sqlite.prepare("INSERT INTO archive_files (sha256, size, ext, created_at) VALUES ('../../x', 1, 'pdf', '2026-01-01')").run();
    const r = await ok(s, 'archive.verifyStore', {});
    expect(r).toMatchObject({ ok: false, changed: [one.sha256], missing: [two.sha256], badNames: ['../../x'] });
    const checks = await Promise.all(extraChecks.map((c) => c(s)));
    expect(checks.find((c) => c.name.includes('档案库'))?.ok).toBe(false);
  });

  it('files an already printed outbox PDF in one call, counting its pages', async () => {
    const a = household(v1, v1g1);
    const name = printed('审核确认表-001.pdf', PDF(2, 'print'));
    const r = await ok(s, 'archive.fileOutbox', { householdId: a, outboxName: name, docType: '审核确认表', title: '低保审核确认表' });
    expect(r.pages).toBe(2);
    const item = (await bag(a)).items[0];
    expect(item).toMatchObject({ docType: '审核确认表', source: '系统打印', pages: 2, hasFile: true, responsible: '青溪镇民政办' });
    const bad = await callAs(s, ADMIN, 'archive.fileOutbox', { householdId: a, outboxName: '../secret.pdf', docType: '其他', title: 'x' });
    expect(bad.ok).toBe(false);
  });

  it('filing the same printed PDF again returns the entry already listed instead of cataloguing it twice', async () => {
    const a = household(v1, v1g1);
    const input = { householdId: a, outboxName: printed('审核确认表-002.pdf', PDF(3, 'again')), docType: '审核确认表', title: '低保审核确认表' };
    const first = await ok(s, 'archive.fileOutbox', input);
    const second = await ok(s, 'archive.fileOutbox', input);
    expect(second).toEqual(first);
    expect((await bag(a)).items).toHaveLength(1);
  });

  it('refuses to file a printed PDF into a disposed bag, saying why, and stores nothing', async () => {
    const a = household(v1, v1g1);
    const b = (await bag(a)).bag;
    s.handle.sqlite.prepare("UPDATE archive_bags SET status = '已处置' WHERE id = ?").run(b.id);
    const r = await callAs(s, ADMIN, 'archive.fileOutbox', { householdId: a, outboxName: printed('告知书-001.pdf', PDF(1, 'disposed')), docType: '告知书', title: '告知书' });
    expect(!r.ok && r.error.message).toBe('该档案已处置，不能再归档文件');
    expect(s.handle.sqlite.prepare('SELECT COUNT(*) AS n FROM archive_items WHERE bag_id = ?').get(b.id)).toEqual({ n: 0 });
    expect(fs.existsSync(storeDir(s.dir)) ? fs.readdirSync(storeDir(s.dir)) : []).toEqual([]);
  });

  it('removing an entry keeps it on record with the reason', async () => {
    const a = household(v1, v1g1);
    const r = await ok(s, 'archive.addItem', { householdId: a, docType: '其他', title: '误登记', date: '2024-02-01' });
    await ok(s, 'archive.removeItem', { itemId: r.id, reason: '登记错户' });
    expect((await bag(a)).items).toEqual([]);
    expect(s.handle.sqlite.prepare('SELECT removed_reason FROM archive_items WHERE id = ?').get(r.id)).toEqual({ removed_reason: '登记错户' });
  });

  it('a read-only user can look but cannot file', async () => {
    const a = household(v1, v1g1);
    expect((await callAs(s, actorOf('readonly'), 'archive.bag', { householdId: a })).ok).toBe(true);
    const r = await callAs(s, actorOf('readonly'), 'archive.addItem', { householdId: a, docType: '其他', title: 'x', date: '2024-02-01' });
    expect(r.ok ? '' : r.error.code).toBe('FORBIDDEN');
  });
});

describe('completeness, separate management and borrowing', () => {
  it('reports per village how many households miss which documents', async () => {
    const a = household(v1, v1g1, '在保', new Date().toISOString().slice(0, 7)); // on benefit < 1 year: no recheck due yet
    household(v2, v2g1, '申请中', null);
    for (const t of ['审核确认表', '申请书', '授权书/诚信承诺', '入户调查表', '户口簿/身份证复印件', '收入证明', '公示记录及照片']) {
      await ok(s, 'archive.addItem', { householdId: a, docType: t, title: t, date: '2024-03-01' });
    }
    const r = await ok(s, 'archive.completeness', { villageId: v2 });
    expect(r.villages).toEqual([
      expect.objectContaining({ village: '桃源社区', households: 1, complete: 1, incomplete: 0 }),
      expect.objectContaining({ village: '石桥村', households: 1, complete: 0, incomplete: 1, missing: { 申请书: 1, '授权书/诚信承诺': 1, '户口簿/身份证复印件': 1, 收入证明: 1 } }),
    ]);
    expect(r.households).toHaveLength(1);
  });

  it('flags a near-relative household for separate management and requires its 备案表', async () => {
    const a = household(v1, v1g1);
    await ok(s, 'archive.setSeparate', { householdId: a, separate: true, reason: '村委会成员近亲属' });
    expect((await bag(a)).missing.map((m: { docType: string }) => m.docType)).toContain('近亲属备案表');
    const list = await ok(s, 'archive.bags', { separate: true });
    expect(list.rows.map((r: { householdId: number }) => r.householdId)).toEqual([a]);
  });

  it('keeps a borrowing register with one open loan per bag and an overdue list', async () => {
    const a = household(v1, v1g1);
    const loan = await ok(s, 'archive.lend', { householdId: a, borrower: '县民政局 张科长', purpose: '抽查', borrowedAt: '2026-01-01' });
    expect(loan.dueDate).toBe('2026-01-16');
    expect((await callAs(s, ADMIN, 'archive.lend', { householdId: a, borrower: '镇纪委', borrowedAt: '2026-01-02' })).ok).toBe(false);
    const overdue = await ok(s, 'archive.borrowings', { filter: 'overdue' });
    expect(overdue.rows).toEqual([expect.objectContaining({ borrower: '县民政局 张科长', headName: `户主${a}` })]);
    expect(overdue.rows[0].overdueDays).toBeGreaterThan(0);
    await ok(s, 'archive.return', { borrowingId: loan.id, returnedAt: '2026-01-20' });
    expect((await ok(s, 'archive.borrowings', { filter: 'open' })).total).toBe(0);
  });
});
