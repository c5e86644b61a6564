import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { testServices, ok, callAs, actorOf } from '../helpers/services';
import type { Services } from '../../src-main/services';
import { saveToInbox } from '../../src-main/ipc/files';
import { drawSample } from '../../src-main/features/supervision/rules';
import { outboxDir } from '../../src-main/ipc/files';
import path from 'node:path';

let s: Services & { dir: string; close(): void };
beforeEach(() => { s = testServices({ demo: true, households: 60 }); });
afterEach(() => s.close());

const firstHousehold = () => (s.handle.sqlite.prepare("SELECT id, head_member_id AS headId FROM households WHERE status = '在保' ORDER BY id").get() as { id: number; headId: number });

describe('county spot check', () => {
  it('records who drew the sample and when, and redraws it from its seed', async () => {
    const pop = await ok(s, 'supervision.cases.list', { filter: 'onBenefit' });
    expect(pop.total).toBeGreaterThan(1);
    const d = await ok(s, 'supervision.spotChecks.draw', { title: '7月底前抽查', sampleSize: 2, seed: 4242 }, { ...actorOf('clerk'), displayName: '李经办' });
    const again = drawSample(pop.rows.map((r: { id: number }) => r.id), 4242, 2);
    expect(d.drawn).toEqual(again);
    const got = await ok(s, 'supervision.spotChecks.get', { id: d.id });
    expect(got.reproducible).toBe(true);
    expect(got.drawnBy).toBe('李经办');
    expect(got.drawnAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(got.items.map((i: { case: { id: number } }) => i.case.id)).toEqual(d.drawn);
    await ok(s, 'supervision.spotChecks.record', { itemId: got.items[0].id, result: '符合', checkedBy: '县民政局', checkedDate: '2026-07-20' });
  });
});

describe('complaint register', () => {
  it('sets a 60-day deadline, masks the contact in lists and lists the overdue', async () => {
    const h = firstHousehold();
    const r = await ok(s, 'supervision.complaints.save', { receivedDate: '2026-01-05', channel: '电话', reporterName: '张三', reporterContact: '13811112222',
      content: '反映某户有车', householdIds: [h.id], handler: '李经办' });
    expect(r.deadline).toBe('2026-03-06');
    const list = await ok(s, 'supervision.complaints.list', { filter: 'overdue', today: '2026-11-22' });
    const row = list.rows.find((c: { id: number }) => c.id === r.id);
    expect(row.reporterContact).toBe('138****2222');
    expect(row.overdueDays).toBe(261);
    expect(row.households[0].id).toBe(h.id);
    const detail = await ok(s, 'supervision.complaints.get', { id: r.id }, actorOf('clerk'));
    expect(detail.reporterContact).toBe('13811112222');
    const ro = await ok(s, 'supervision.complaints.get', { id: r.id }, actorOf('readonly'));
    expect(ro.reporterContact).toBe('138****2222');
    await ok(s, 'supervision.complaints.save', { ...detail, id: r.id, householdIds: [h.id], closedDate: '2026-02-01', result: '不属实',
      transferredDate: '2026-01-20', transferredTo: '镇纪委', replyDate: '2026-02-02', replyContent: '已电话答复' });
    const after = await ok(s, 'supervision.complaints.list', { filter: 'overdue', today: '2026-11-22' });
    expect(after.rows.some((c: { id: number }) => c.id === r.id)).toBe(false);
  });

  it('keeps no name or contact for an anonymous report', async () => {
    const r = await ok(s, 'supervision.complaints.save', { receivedDate: '2026-11-01', channel: '来信', anonymous: true, reporterName: '某人',
      reporterContact: '13800000000', content: '匿名举报' });
    const d = await ok(s, 'supervision.complaints.get', { id: r.id });
    expect([d.reporterName, d.reporterContact]).toEqual(['匿名', '']);
  });
});

describe('bank-card custody', () => {
  it('keeps the written agreement as an inbox file, flags a cadre holder and lists unfiled custody', async () => {
    const h = firstHousehold();
    const cadre = s.handle.sqlite.prepare("SELECT name, id_number AS idNumber FROM supervised_staff WHERE kind = '村(居)委会成员' LIMIT 1").get() as { name: string; idNumber: string };
    const agreement = saveToInbox(s.dir, '代管协议.pdf', Buffer.from('%PDF-1.4 test'));
    const r = await ok(s, 'supervision.custody.save', { householdId: h.id, memberId: h.headId, holderName: cadre.name, holderIdNumber: cadre.idNumber,
      holderRelation: '无亲属关系', startDate: '2026-05-01', agreementFile: agreement });
    expect(r.holderIsStaff).toBe(true);
    const unfiled = await ok(s, 'supervision.custody.list', { filter: 'unfiled' });
    const row = unfiled.rows.find((c: { id: number }) => c.id === r.id);
    expect(row.agreementName).toBe('代管协议.pdf');
    const opened = await ok(s, 'supervision.files.open', { inboxName: agreement });
    expect(fs.readFileSync(path.join(outboxDir(s.dir), opened.name), 'utf8')).toContain('%PDF');
    await ok(s, 'supervision.custody.save', { id: r.id, householdId: h.id, memberId: h.headId, holderName: cadre.name, holderIdNumber: cadre.idNumber,
      holderRelation: '无亲属关系', startDate: '2026-05-01', agreementFile: agreement, filedDate: '2026-05-10' });
    const later = await ok(s, 'supervision.custody.list', { filter: 'unfiled' });
    expect(later.rows.some((c: { id: number }) => c.id === r.id)).toBe(false);
  });

  it('refuses a cardholder who is not a member of the household', async () => {
    const [a, b] = s.handle.sqlite.prepare("SELECT id, head_member_id AS headId FROM households ORDER BY id LIMIT 2").all() as { id: number; headId: number }[];
    const r = await callAs(s, actorOf('clerk'), 'supervision.custody.save', { householdId: a.id, memberId: b.headId, holderName: '某', holderRelation: '子女', startDate: '2026-05-01' });
    expect(r.ok ? '' : r.error.message).toContain('不是该户成员');
  });
});

describe('专项治理工作台账', () => {
  it('creates a new campaign year from the seed-000 template with March-31 deadlines', async () => {
    const r = await ok(s, 'supervision.governance.create', { year: 2027 });
    expect(r.tasks).toBe(9);
    const tasks = await ok(s, 'supervision.governance.tasks', { ledgerId: r.id });
    expect(tasks[1]).toMatchObject({ title: '严格落实近亲属备案制度', deadline: '2027-03-31', deadlineNote: '3月底前并长期坚持' });
    await ok(s, 'supervision.governance.saveTask', { ...tasks[1], ledgerId: r.id, responsible: '周明华', status: '进行中', progress: '已登记12名村干部近亲属' });
    const again = await ok(s, 'supervision.governance.tasks', { ledgerId: r.id });
    expect(again[1]).toMatchObject({ responsible: '周明华', status: '进行中' });
    const dup = await callAs(s, actorOf('clerk'), 'supervision.governance.create', { year: 2027 });
    expect(dup.ok).toBe(false);
  });
});
