import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, testServices } from '../helpers/services';
import { bridgeClient } from '../helpers/issue15';
import { outboxPath, saveToInbox } from '../../src-main/ipc/files';

/**
 * Issue 15 (second session) item 3: an outbox file is recorded with the permission of what it contains. A print
 * with full ID numbers (the administrator's household list) cannot be fetched by 只读 or 审核人, who lack
 * sensitive.read; prints for them come out masked, whichever document made them.
 */
let s: ReturnType<typeof testServices>;
let c: Awaited<ReturnType<typeof bridgeClient>>;
beforeAll(async () => {
  s = testServices({ demo: true, households: 20 });
  c = await bridgeClient(s);
}, 120_000);
afterAll(() => { c?.close(); s?.close(); });

const fullIds = () => s.handle.sqlite.prepare("SELECT id_number FROM members WHERE relation = '户主' OR relation = '本人'").pluck().all() as string[];
const textOf = (name: string) => execFileSync('pdftotext', ['-layout', outboxPath(s.dir, name), '-'], { encoding: 'utf8' });
const permissionOf = (name: string) => s.handle.sqlite.prepare('SELECT permission FROM outbox_files WHERE name = ?').pluck().get(name);
const outboxCount = () => s.handle.sqlite.prepare('SELECT COUNT(*) FROM outbox_files').pluck().get() as number;
async function printAs(who: string, document: string, args: unknown): Promise<string> {
  const r = await c.call('print.render', { document, args }, who);
  expect(r.ok, JSON.stringify(r.error)).toBe(true);
  return r.value.outboxName as string;
}

describe('item 3: prints with full ID numbers are fetched only with the permission to see them', () => {
  it('the administrator\'s household list (full IDs) is refused to 只读 and 审核人 with a Chinese message', async () => {
    const name = await printAs('admin', 'households.list', {});
    const text = textOf(name).replace(/\s+/g, '');
    expect(fullIds().some((id) => text.includes(id))).toBe(true); // the admin's copy has the full numbers
    expect(permissionOf(name)).toBe('sensitive.read');
    for (const who of ['chakan', 'shenhe']) {
      const r = await c.fetchOutbox(name, who);
      expect(r.status, who).toBe(403);
      expect(JSON.parse(r.body).error.message).toBe('当前账号没有查看此文件的权限');
      expect(r.body).not.toContain('%PDF');
    }
    expect((await c.fetchOutbox(name, 'admin')).status).toBe(200);
    expect((await c.fetchOutbox(name, 'jingban')).status).toBe(200); // 经办人 holds sensitive.read
  });

  it('the same list printed by 只读 is masked and theirs to fetch', async () => {
    const name = await printAs('chakan', 'households.list', {});
    const text = textOf(name).replace(/\s+/g, '');
    expect(fullIds().filter((id) => text.includes(id))).toEqual([]);
    expect(text).toMatch(/\d{4}\*{10}\d{3}[\dX]/);
    expect(permissionOf(name)).toBe('read');
    expect((await c.fetchOutbox(name, 'chakan')).status).toBe(200);
  });

  it('a document that prints member IDs without masking them itself: full for the administrator (sensitive.read), masked for a 审核人', async () => {
    const appId = s.handle.sqlite.prepare('SELECT id FROM applications ORDER BY id LIMIT 1').pluck().get() as number;
    expect(appId).toBeTruthy();
    const mine = await printAs('admin', 'applications.form', { applicationId: appId });
    expect(permissionOf(mine)).toBe('sensitive.read');
    expect((await c.fetchOutbox(mine, 'shenhe')).status).toBe(403);
    const theirs = await printAs('shenhe', 'applications.form', { applicationId: appId });
    expect(permissionOf(theirs)).toBe('read');
    const text = textOf(theirs).replace(/\s+/g, '');
    expect(fullIds().filter((id) => text.includes(id))).toEqual([]);
    expect((await c.fetchOutbox(theirs, 'shenhe')).status).toBe(200);
  });

  it('filed into an archive bag, the full-ID print stays refused to 只读 when opened from the archive', async () => {
    const name = await printAs('admin', 'households.list', {});
    const householdId = s.handle.sqlite.prepare('SELECT id FROM households ORDER BY id LIMIT 1').pluck().get() as number;
    const filed = await ok(s, 'archive.fileOutbox', { householdId, outboxName: name, docType: '其他', title: '户档案列表' });
    const outboxBefore = outboxCount();
    const opened = await c.call('archive.openFile', { itemId: filed.id }, 'chakan');
    expect(opened.ok ? '' : opened.error.code).toBe('FORBIDDEN');
    expect(opened.ok ? '' : opened.error.message).toMatch(/只有管理员、经办人可以查看/);
    expect(outboxCount()).toBe(outboxBefore); // refused before a copy is written
    const admin = await c.call('archive.openFile', { itemId: filed.id }, 'admin');
    expect((await c.fetchOutbox(admin.value.outboxName, 'admin')).status).toBe(200);
  });
});

describe('scans in an archive bag (身份证、银行卡、申请书) show numbers nothing can mask', () => {
  it('open only for a role with 查看完整身份证号 (经办人, 管理员); 只读 and 审核人 are refused and not offered 查看', async () => {
    const householdId = s.handle.sqlite.prepare('SELECT id FROM households ORDER BY id DESC LIMIT 1').pluck().get() as number;
    const scan = Buffer.from('%PDF-1.4\n% 身份证复印件 510902198001010022\n%%EOF\n');
    const inboxName = saveToInbox(s.dir, '身份证复印件.pdf', scan);
    const item = await ok(s, 'archive.addItem', { householdId, docType: '户口簿/身份证复印件', title: '户主身份证复印件', date: '2026-03-01', inboxName });
    const mayOpenAs = async (who: string) => {
      const r = await c.call('archive.bag', { householdId }, who);
      expect(r.ok, JSON.stringify(r.error)).toBe(true);
      return (r.value.items as { id: number; mayOpen: boolean }[]).find((i) => i.id === item.id)?.mayOpen;
    };
    expect(await mayOpenAs('chakan')).toBe(false);
    expect(await mayOpenAs('shenhe')).toBe(false);
    expect(await mayOpenAs('jingban')).toBe(true);
    const before = outboxCount();
    for (const who of ['chakan', 'shenhe']) {
      const r = await c.call('archive.openFile', { itemId: item.id }, who);
      expect(r.ok ? '' : r.error.code, who).toBe('FORBIDDEN');
      expect(r.ok ? '' : r.error.message).toMatch(/扫描件.*只有管理员、经办人可以查看/);
    }
    expect(outboxCount()).toBe(before);
    const clerk = await c.call('archive.openFile', { itemId: item.id }, 'jingban');
    expect(clerk.ok, JSON.stringify(clerk.error)).toBe(true);
    expect(permissionOf(clerk.value.outboxName)).toBe('sensitive.read');
    // the copy the clerk opened stays refused to the others even with its name in hand
    expect((await c.fetchOutbox(clerk.value.outboxName, 'shenhe')).status).toBe(403);
    expect((await c.fetchOutbox(clerk.value.outboxName, 'chakan')).status).toBe(403);
    const got = await c.fetchOutbox(clerk.value.outboxName, 'jingban');
    expect(got.status).toBe(200);
  });
});
