import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testServices, ok } from '../helpers/services';
import { insertRegion } from '../../src-main/features/regions/channels';
import { makeIdNumber } from '../../src-main/domain/idNumber';
import { outboxPath } from '../../src-main/ipc/files';
import { paidByImport } from '../helpers/caseRecord';

let s: ReturnType<typeof testServices>;
let village: number, group1: number, group2: number;

beforeEach(() => {
  s = testServices();
  const root = (s.handle.sqlite.prepare("SELECT id FROM regions WHERE level = 'township'").get() as { id: number }).id;
  village = insertRegion(s.handle.sqlite, root, 'village', '石桥村', 1);
  group1 = insertRegion(s.handle.sqlite, village, 'group', '1组', 1);
  group2 = insertRegion(s.handle.sqlite, village, 'group', '2组', 2);
});
afterEach(() => s.close());

const create = () => ok(s, 'households.create', {
  facts: { category: '农村低保', status: '申请中', villageId: village, groupId: group1, address: '石桥村1组2号', startMonth: '2025-04' },
  head: { name: '张三', idNumber: makeIdNumber('510902', '1960-05-01', 11, true) },
});

describe('archive through the households feature', () => {
  it('creating, moving and stopping a household creates, moves and retires its bag in the same transaction', async () => {
    const { id } = await create();
    paidByImport(s, id);
    expect((await ok(s, 'archive.bag', { householdId: id })).bag).toMatchObject({ locationCode: '1-01-01-001', archiveNo: 'J001-DB·2025-D10-0001' });
    await ok(s, 'households.update', { id, facts: { groupId: group2 }, date: '2026-03-01', reason: '搬迁' });
    const moved = await ok(s, 'archive.bag', { householdId: id });
    expect(moved.bag.locationCode).toBe('1-01-02-001');
    expect(moved.moves).toHaveLength(1);
    // Stopping is a change decision (households.update refuses 状态), and the bag follows it.
    await ok(s, 'applications.changeDecision', { householdId: id, decision: '停保', date: '2026-04-01', reason: '收入超过标准' });
    const stopped = await ok(s, 'archive.bag', { householdId: id });
    expect(stopped.bag).toMatchObject({ status: '停保档案', exitedAt: '2026-04-01', exitStatus: '停保' });
    expect(stopped.retentionUntil).toBe('2029-04-01');
    expect(stopped.missing.map((m: { docType: string }) => m.docType)).toContain('告知书');
  });

  it('prints the household catalogue through the print engine, listing the filed documents', async () => {
    const { id } = await create();
    await ok(s, 'archive.addItem', { householdId: id, docType: '申请书', title: '张三低保申请书', date: '2025-03-02', pages: 2, responsible: '张三' });
    await ok(s, 'archive.addItem', { householdId: id, docType: '审核确认表', title: '审核确认表', date: '2025-04-10' });
    const perHousehold = ['archive.catalogue', 'archive.cover', 'archive.remarks'];
    for (const document of [...perHousehold, 'archive.spines', 'archive.completeness']) {
      const r = await ok(s, 'print.render', { document, args: perHousehold.includes(document) ? { householdId: id } : {} });
      const text = execFileSync('pdftotext', [outboxPath(s.dir, r.outboxName), '-'], { encoding: 'utf8' });
      if (document === 'archive.catalogue') {
        expect(text).toContain('卷内目录');
        expect(text.indexOf('审核确认表')).toBeLessThan(text.indexOf('张三低保申请书')); // bag order, not entry order
        expect(text).toContain('2-3');
      }
      if (document === 'archive.spines') {
        expect(text).toMatch(/全宗号[\s\S]*J001[\s\S]*1-01-01/);
        expect(text).toContain('定期10年');
        expect(text).not.toContain('D10');
      }
      if (document === 'archive.cover') {
        expect(text).toContain('J001-DB·2025-D10-0001');
        expect(text).toMatch(/保管期限\s+定期10年/); // the period in words, the code only inside the 档号
        expect(text.replace('J001-DB·2025-D10-0001', '')).not.toContain('D10');
      }
    }
  });

  it('files a printed document from the outbox into the bag in one click', async () => {
    const { id } = await create();
    const printed = await ok(s, 'print.render', { document: 'archive.cover', args: { householdId: id } });
    expect(fs.existsSync(outboxPath(s.dir, printed.outboxName))).toBe(true);
    const r = await ok(s, 'archive.fileOutbox', { householdId: id, outboxName: printed.outboxName, docType: '其他', title: '案卷封面' });
    expect(r.pages).toBe(1);
    expect((await ok(s, 'archive.bag', { householdId: id })).items[0]).toMatchObject({ title: '案卷封面', source: '系统打印', fileType: 'pdf' });
  });
});
