import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testServices, ok, callAs, actorOf } from '../helpers/services';
import { makeIdNumber } from '../../src-main/domain/idNumber';
import { listeners } from '../../src-main/features/events';
import { paidByImport } from '../helpers/caseRecord';

type S = ReturnType<typeof testServices>;
let s: S;
let villageId: number;
let groupId: number;

beforeEach(async () => {
  s = testServices();
  const tree = await ok(s, 'regions.tree', {});
  villageId = (await ok(s, 'regions.create', { parentId: tree[0].id, name: '石桥村' })).id;
  groupId = (await ok(s, 'regions.create', { parentId: villageId, name: '3组' })).id;
});
afterEach(() => s.close());

const headId = makeIdNumber('510902', '1960-05-01', 11, true);
const spouseId = makeIdNumber('510902', '1962-03-08', 12, false);
const facts = () => ({ category: '农村低保', status: '申请中', villageId, groupId, address: '石桥村3组8号', bankName: '农村信用社', bankAccount: '6210987654321234' });
const create = () => ok(s, 'households.create', { facts: facts(), head: { name: '张三', idNumber: headId } });

describe('household case files', () => {
  it('creates a household with its head, derives sex and birth date, and starts the timeline', async () => {
    const { id } = await create();
    const h = await ok(s, 'households.get', { id });
    expect(h.members).toHaveLength(1);
    expect(h.members[0]).toMatchObject({ name: '张三', sex: '男', birthDate: '1960-05-01', relation: '户主', isHead: true });
    expect(h.village).toBe('石桥村');
    expect(h.timeline.map((e: { type: string }) => e.type).sort()).toEqual(['建档', '成员增加']);
  });

  it('refuses an ID already in another household and names that household', async () => {
    await create();
    const other = await ok(s, 'households.create', { facts: facts(), head: { name: '李四', idNumber: spouseId } });
    const r = await callAs(s, actorOf('clerk'), 'households.addMember', { householdId: other.id, member: { name: '张三', idNumber: headId.toLowerCase(), relation: '其他' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/已登记在石桥村3组 张三户（档案号 \d+）/);
  });

  it('checkId derives sex and birth date of a free ID and names the household already holding one', async () => {
    expect(await ok(s, 'households.checkId', { idNumber: spouseId })).toMatchObject({ ok: true, id: spouseId, sex: '女', birthDate: '1962-03-08' });
    await create();
    const taken = await ok(s, 'households.checkId', { idNumber: headId.toLowerCase() });
    expect(taken.ok).toBe(false);
    expect(taken.reason).toMatch(/已登记在石桥村3组 张三户（档案号 \d+）/);
  });

  it('refuses an impossible ID with the reason in the idNumber field', async () => {
    const { id } = await create();
    const r = await callAs(s, actorOf('clerk'), 'households.addMember', { householdId: id, member: { name: '李梅', idNumber: '110105199902300011', relation: '配偶' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details).toEqual([{ path: 'idNumber', message: expect.stringContaining('19990230 不存在') }]);
  });

  it('records a death as an event, keeps the member, and tells listeners', async () => {
    const seen: unknown[] = [];
    listeners.memberDied.push((_c, e) => seen.push(e));
    try {
      const { id } = await create();
      const m = await ok(s, 'households.addMember', { householdId: id, member: { name: '李梅', idNumber: spouseId, relation: '配偶' } });
      await ok(s, 'households.exitMember', { memberId: m.id, kind: '死亡', date: '2026-10-02', reason: '病故' });
      const h = await ok(s, 'households.get', { id });
      expect(h.members.find((x: { id: number }) => x.id === m.id)).toMatchObject({ state: '死亡', deathDate: '2026-10-02' });
      expect(h.familySize).toBe(1);
      expect(h.timeline.find((e: { type: string }) => e.type === '成员死亡')).toMatchObject({ type: '成员死亡', date: '2026-10-02', reason: '病故', operator: '命令行', memberName: '李梅' });
      expect(seen).toEqual([{ householdId: id, memberId: m.id, deathDate: '2026-10-02' }]);
    } finally { listeners.memberDied.pop(); }
  });

  it('will not let the head leave while others remain; the head is changed first', async () => {
    const { id, headMemberId } = await create();
    const m = await ok(s, 'households.addMember', { householdId: id, member: { name: '李梅', idNumber: spouseId, relation: '配偶' } });
    const r = await callAs(s, actorOf('clerk'), 'households.exitMember', { memberId: headMemberId, kind: '迁出', date: '2026-10-02', reason: '户口迁往县城' });
    expect(r.ok).toBe(false);
    await ok(s, 'households.changeHead', { householdId: id, memberId: m.id, formerHeadRelation: '配偶', reason: '原户主外出' });
    await ok(s, 'households.exitMember', { memberId: headMemberId, kind: '迁出', date: '2026-10-02', reason: '户口迁往县城' });
    const h = await ok(s, 'households.get', { id });
    expect(h.headMemberId).toBe(m.id);
    expect(h.timeline.map((e: { type: string }) => e.type)).toContain('户主变更');
  });

  it('village changes become timeline events with domain events; status in the same edit is refused and nothing is written', async () => {
    const moved: unknown[] = [];
    listeners.householdMoved.push((_c, e) => moved.push(e));
    try {
      const { id } = await create();
      const tree = await ok(s, 'regions.tree', {});
      const v2 = (await ok(s, 'regions.create', { parentId: tree[0].id, name: '柳溪村' })).id;
      const refused = await callAs(s, actorOf('clerk'), 'households.update', { id, facts: { status: '停保', villageId: v2, groupId: null }, date: '2026-11-01', reason: '收入超标' });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.message).toMatch(/状态不能在“变更户信息”中修改.*停保或渐退决定/);
      expect((await ok(s, 'households.get', { id })).villageId).toBe(villageId);
      const r = await ok(s, 'households.update', { id, facts: { villageId: v2, groupId: null, housing: '砖混' }, date: '2026-11-01', reason: '搬迁' });
      expect(r.changed.sort()).toEqual(['住房', '所在村/居', '所在组'].sort());
      const h = await ok(s, 'households.get', { id });
      expect(h.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['迁址', '信息变更']));
      expect(moved).toHaveLength(1);
    } finally { listeners.householdMoved.pop(); }
  });

  it('masks the bank account for a reviewer and shows it to a clerk', async () => {
    const { id } = await create();
    expect((await ok(s, 'households.get', { id }, actorOf('reviewer'))).bankAccount).toBe('6210********1234');
    expect((await ok(s, 'households.get', { id }, actorOf('clerk'))).bankAccount).toBe('6210987654321234');
  });

  it('refuses 单人保 for an ordinary family and allows it for a seriously ill member of an edge family', async () => {
    const { id, headMemberId } = await create();
    const m = await ok(s, 'households.addMember', { householdId: id, member: { name: '李梅', idNumber: spouseId, relation: '配偶', health: '重病' } });
    const r = await callAs(s, actorOf('clerk'), 'households.setCoverage', { householdId: id, mode: '单人保', memberIds: [m.id], reason: '重病' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('低保边缘家庭');
    await ok(s, 'households.update', { id, facts: { edgeFamily: true }, reason: '核定为边缘家庭' });
    await ok(s, 'households.setCoverage', { householdId: id, mode: '单人保', memberIds: [m.id], reason: '重病单人保' });
    const h = await ok(s, 'households.get', { id });
    expect(h.coveredSize).toBe(1);
    expect(h.members.find((x: { id: number }) => x.id === headMemberId).covered).toBe(false);
  });

  it('records income items and their end on the timeline', async () => {
    const { id, headMemberId } = await create();
    const item = await ok(s, 'households.addIncome', { memberId: headMemberId, type: '工资性收入', monthlyFen: 56000, reason: '务工' });
    await ok(s, 'households.endIncome', { itemId: item.id, reason: '失业' });
    const h = await ok(s, 'households.get', { id });
    expect(h.incomes[0]).toMatchObject({ monthlyFen: 56000, active: false });
    expect(h.timeline.filter((e: { type: string }) => e.type === '收入变更')).toHaveLength(2);
  });

  it('a read-only user cannot create households', async () => {
    const r = await callAs(s, actorOf('readonly'), 'households.create', { facts: facts(), head: { name: '张三', idNumber: headId } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
  });
});

describe('household search', () => {
  beforeEach(async () => {
    paidByImport(s, (await create()).id);
    await ok(s, 'households.create', { facts: { ...facts(), category: '城市低保', status: '申请中' }, head: { name: '王小明', idNumber: spouseId } });
  });
  const names = async (input: Record<string, unknown>) =>
    (await ok(s, 'households.list', input)).rows.map((r: { headName: string }) => r.headName);

  it.each([
    ['zs', ['张三']], ['zhangsan', ['张三']], ['zhang', ['张三']], ['wxm', ['王小明']], ['张', ['张三']],
    [headId, ['张三']], [headId.slice(-4), ['张三']], [headId.slice(-7), ['张三']], ['石桥', ['张三', '王小明']],
  ])('finds %s', async (q, expected) => {
    expect(await names({ q, sort: 'head', dir: 'desc' })).toEqual(expected);
  });

  it('filters by category and status and pages in main', async () => {
    expect(await names({ category: '城市低保' })).toEqual(['王小明']);
    expect(await names({ status: '在保' })).toEqual(['张三']);
    const page = await ok(s, 'households.list', { pageSize: 1, page: 1, sort: 'id', dir: 'asc' });
    expect(page.total).toBe(2);
    expect(page.rows.map((r: { headName: string }) => r.headName)).toEqual(['王小明']);
  });
});
