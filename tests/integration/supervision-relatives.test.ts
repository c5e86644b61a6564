import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testServices, ok, callAs, actorOf } from '../helpers/services';
import type { Services } from '../../src-main/services';
import { makeIdNumber } from '../../src-main/domain/idNumber';
import { emit } from '../../src-main/features/events';
import type { HandlerContext } from '../../src-main/ipc/contract';
import { isNearRelativeHousehold, nearRelativeHouseholds } from '../../src-main/features/supervision/matching';

let s: Services & { dir: string; close(): void };
beforeEach(() => { s = testServices({ demo: true, households: 40 }); });
afterEach(() => s.close());

const sqlite = () => s.handle.sqlite;

/** A household of the demo with no near-relative flag, and one of its members. */
function unflaggedHousehold() {
  const hs = sqlite().prepare("SELECT id FROM households WHERE status = '在保' ORDER BY id").all() as { id: number }[];
  const h = hs.find((x) => !isNearRelativeHousehold(sqlite(), x.id))!;
  const m = sqlite().prepare("SELECT id, name, id_number AS idNumber FROM members WHERE household_id = ? AND state = '在户' ORDER BY id").get(h.id) as
    { id: number; name: string; idNumber: string };
  return { householdId: h.id, member: m };
}

async function newCadre(name = '测试干部', idNumber = makeIdNumber('510902', '1975-05-05', 777, true)) {
  return (await ok<{ id: number }>(s, 'supervision.staff.save', { kind: '村(居)委会成员', name, idNumber, unit: '石桥村委员会', post: '主任' })).id;
}

/** Adds a member the way the households feature does: insert, then emit memberAdded inside one transaction. */
function addMemberViaEvent(householdId: number, name: string, idNumber: string): number {
  const audits: unknown[] = [];
  const ctx = { sqlite: sqlite(), audit: (e: unknown) => audits.push(e) } as unknown as HandlerContext;
  return sqlite().transaction(() => {
    const r = sqlite().prepare(`INSERT INTO members (household_id, name, id_number, sex, birth_date, relation, created_at)
      VALUES (?, ?, ?, '女', '1990-01-01', '其他', ?)`).run(householdId, name, idNumber, new Date().toISOString());
    const memberId = Number(r.lastInsertRowid);
    emit.memberAdded(ctx, { householdId, memberId, idNumber });
    return memberId;
  })();
}

describe('near-relative registration', () => {
  it('flags the household at once when a relative is registered after the member', async () => {
    const { householdId, member } = unflaggedHousehold();
    const staffId = await newCadre();
    const r = await ok(s, 'supervision.relatives.add', { staffId, name: member.name, idNumber: member.idNumber, relation: '兄弟姐妹' });
    expect(r.matchIds).toHaveLength(1);
    expect(isNearRelativeHousehold(sqlite(), householdId)).toBe(true);
    const flagged = nearRelativeHouseholds(sqlite()).find((f) => f.householdId === householdId)!;
    expect(flagged.reasons).toContain('测试干部（主任）之兄弟姐妹');
    const view = await ok(s, 'supervision.household', { householdId });
    expect(view.flagged).toBe(true);
    expect(view.cases[0].memberName).toBe(member.name);
  });

  it('flags the household when a member is added after the relative was registered', async () => {
    const { householdId } = unflaggedHousehold();
    const staffId = await newCadre();
    const idNumber = makeIdNumber('510902', '1992-02-02', 555, false);
    const r = await ok(s, 'supervision.relatives.add', { staffId, name: '后来成员', idNumber, relation: '子女' });
    expect(r.matchIds).toHaveLength(0);
    expect(isNearRelativeHousehold(sqlite(), householdId)).toBe(false);
    addMemberViaEvent(householdId, '后来成员', idNumber);
    expect(isNearRelativeHousehold(sqlite(), householdId)).toBe(true);
  });

  it('flags the household at application acceptance when a relative was recorded without matching', async () => {
    const { householdId, member } = unflaggedHousehold();
    const staffId = await newCadre();
    // Registered while the matcher missed it (e.g. imported directly), then caught at 受理.
    sqlite().prepare(`INSERT INTO staff_relatives (staff_id, name, id_number, relation, declared_date, created_at) VALUES (?, ?, ?, '配偶', '2026-01-01', '')`)
      .run(staffId, member.name, member.idNumber);
    expect(isNearRelativeHousehold(sqlite(), householdId)).toBe(false);
    const ctx = { sqlite: sqlite(), audit: () => {} } as unknown as HandlerContext;
    emit.applicationAccepted(ctx, { applicationId: 1, householdId });
    expect(isNearRelativeHousehold(sqlite(), householdId)).toBe(true);
  });

  it('stops flagging when the relative is withdrawn or the staff member leaves office', async () => {
    const { householdId, member } = unflaggedHousehold();
    const staffId = await newCadre();
    const r = await ok(s, 'supervision.relatives.add', { staffId, name: member.name, idNumber: member.idNumber, relation: '父母' });
    await ok(s, 'supervision.staff.leave', { id: staffId, leftDate: '2026-10-01' });
    expect(isNearRelativeHousehold(sqlite(), householdId)).toBe(false);
    const all = await ok(s, 'supervision.cases.list', { filter: 'all', search: member.name });
    expect(all.rows.some((c: { householdId: number; active: boolean }) => c.householdId === householdId && !c.active)).toBe(true);
    expect(r.id).toBeGreaterThan(0);
  });

  it('refuses a relation outside the configured list and accepts one added in the settings', async () => {
    const staffId = await newCadre();
    const idNumber = makeIdNumber('510902', '1960-03-03', 333, true);
    const bad = await callAs(s, actorOf('clerk'), 'supervision.relatives.add', { staffId, name: '岳父', idNumber, relation: '岳父母' });
    expect(bad.ok).toBe(false);
    await ok(s, 'settings.set', { key: 'supervision.relations', value: ['配偶', '父母', '岳父母'] });
    await ok(s, 'supervision.relatives.add', { staffId, name: '岳父', idNumber, relation: '岳父母' });
  });

  it('masks 身份证号 in the staff list for the read-only role', async () => {
    await newCadre('遮蔽测试');
    const list = await ok(s, 'supervision.staff.list', { search: '遮蔽测试' }, actorOf('readonly'));
    expect(list.rows[0].idNumber).toMatch(/^5109\*{10}\d{3}[\dX]$/);
    const denied = await callAs(s, actorOf('readonly'), 'supervision.staff.save', { kind: '低保经办人员', name: 'x', idNumber: makeIdNumber('510902', '1980-01-01', 1, true) });
    expect(denied.ok && 'allowed').toBe(false);
  });

  it('records the filing of a case with the county', async () => {
    const { member } = unflaggedHousehold();
    const staffId = await newCadre();
    const r = await ok(s, 'supervision.relatives.add', { staffId, name: member.name, idNumber: member.idNumber, relation: '子女' });
    const before = await ok(s, 'supervision.cases.list', { filter: 'unfiled' });
    await ok(s, 'supervision.cases.file', { id: r.matchIds[0], filingNo: '备-1', filedDate: '2026-07-01', countyVisitDate: '2026-07-10', countyVisitBy: '县民政局' });
    const after = await ok(s, 'supervision.cases.list', { filter: 'unfiled' });
    expect(after.total).toBe(before.total - 1);
  });
});

describe('the demo township', () => {
  it('shows flagged households, complaints, custody and this year\'s ledger', async () => {
    expect(nearRelativeHouseholds(sqlite()).length).toBeGreaterThan(0);
    const complaints = await ok(s, 'supervision.complaints.list', { filter: 'all' });
    expect(complaints.total).toBe(4);
    const custody = await ok(s, 'supervision.custody.list', { filter: 'unfiled' });
    expect(custody.total).toBe(2);
    const ledgers = await ok(s, 'supervision.governance.list', {});
    expect(ledgers[0].tasks).toBe(9);
  });
});
