import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, actorOf, callAs, ok, testServices } from '../helpers/services';
import { renderDocument } from '../../src-main/print/render';

type S = ReturnType<typeof testServices>;
let s: S;
beforeEach(() => { s = testServices({ demo: true, households: 80 }); });
afterEach(() => s.close());

const q = <T>(sql: string, ...args: unknown[]) => s.handle.sqlite.prepare(sql).get(...args) as T;

async function team() {
  const leader = await ok(s, 'rechecks.team.save', { name: '戴亮', role: '驻村领导', phone: '13800000001' });
  const cadre = await ok(s, 'rechecks.team.save', { name: '魏平', role: '驻村干部' });
  const village = await ok(s, 'rechecks.team.save', { name: '陈宗刚', role: '村干部' });
  return [{ teamMemberId: leader.id, role: '驻村领导' }, { teamMemberId: cadre.id, role: '驻村干部' }, { teamMemberId: village.id, role: '村干部' }];
}

describe('special recheck campaign', () => {
  it('takes every household in 保 on the scope date, with phases, and suggests flags from the data', async () => {
    const h = q<{ id: number }>("SELECT id FROM households WHERE status = '在保' ORDER BY id LIMIT 1");
    s.handle.sqlite.prepare("UPDATE households SET vehicles = '小轿车一辆' WHERE id = ?").run(h.id);
    const c = await ok(s, 'rechecks.campaigns.create', { name: '2021年城乡低保精准兜底专项提升行动', basis: '堪嘉镇方案', scopeDate: '2026-05-01',
      phases: [{ name: '准备', startDate: '2026-05-06', endDate: '2026-05-20' }, { name: '清理实施', startDate: '2026-05-21', endDate: '2026-06-20' }] });
    const expected = q<{ n: number }>(`SELECT COUNT(*) AS n FROM households WHERE start_month <= '2026-05'
      AND (status IN ('在保','渐退') OR (status = '停保' AND exited_at > '2026-05-01'))`).n;
    expect(c.households).toBe(expected);
    const detail = await ok(s, 'rechecks.campaigns.get', { id: c.id });
    expect(detail.phases.map((p: { name: string }) => p.name)).toEqual(['准备', '清理实施']);
    expect(detail.overall).toMatchObject({ total: expected, decided: 0 });
    const row = q<{ suggested_flags: string; flags: string }>('SELECT suggested_flags, flags FROM campaign_households WHERE campaign_id = ? AND household_id = ?', c.id, h.id);
    expect(JSON.parse(row.flags)).toContain(5);
    expect(JSON.parse(row.suggested_flags)[0].reason).toContain('小轿车');
  });

  it('runs one village from team to signed sheet, with a stop going through the change decision', async () => {
    const seats = await team();
    const c = await ok(s, 'rechecks.campaigns.create', { name: '专项行动', scopeDate: '2026-11-01', filter: {} });
    const v = q<{ village_id: number; n: number }>('SELECT village_id, COUNT(*) AS n FROM campaign_households WHERE campaign_id = ? GROUP BY village_id ORDER BY n DESC LIMIT 1', c.id);
    const bad = await callAs(s, ADMIN, 'rechecks.campaigns.setTeam', { campaignId: c.id, villageId: v.village_id, seats: seats.slice(1) });
    expect(bad.ok).toBe(false);
    await ok(s, 'rechecks.campaigns.setTeam', { campaignId: c.id, villageId: v.village_id, seats });
    const list = await ok(s, 'rechecks.campaigns.households', { campaignId: c.id, villageId: v.village_id, pageSize: 500 });
    expect(list.total).toBe(v.n);
    const paid = list.rows.filter((r: { status: string }) => r.status === '在保');
    const [stop, ...keep] = paid;
    const stopped = await ok(s, 'rechecks.campaigns.record', { id: stop.id, flags: [5], visitDate: '2026-11-10', findings: '家有小轿车',
      outcome: '停保', reason: '家庭购买小轿车，不符合保障条件', checkedBy: '魏平' });
    expect(stopped.needsNotice).toBe(true);
    expect(q<{ status: string }>('SELECT status FROM households WHERE id = ?', stop.householdId).status).toBe('停保');
    expect(q<{ decision: string; source: string }>('SELECT decision, source FROM benefit_changes WHERE id = ?', stopped.changeId)).toEqual({ decision: '停保', source: '专项治理' });
    const noReason = await callAs(s, ADMIN, 'rechecks.campaigns.record', { id: keep[0].id, visitDate: '2026-11-10', outcome: '减发', newAmountFen: 100, checkedBy: '魏平' });
    expect(noReason.ok).toBe(false);
    for (const r of list.rows.filter((x: { id: number }) => x.id !== stop.id)) {
      await ok(s, 'rechecks.campaigns.record', { id: r.id, visitDate: '2026-11-11', findings: '入户核实无变化', checkResult: '核对无异常', outcome: '维持', checkedBy: '陈宗刚' });
    }
    const again = await callAs(s, ADMIN, 'rechecks.campaigns.record', { id: stop.id, visitDate: '2026-11-12', outcome: '维持', checkedBy: '魏平' });
    expect(again.ok).toBe(false);
    await ok(s, 'rechecks.campaigns.signoff', { campaignId: c.id, villageId: v.village_id, returnedDate: '2026-11-20', scanRef: '' });
    const detail = await ok(s, 'rechecks.campaigns.get', { id: c.id });
    const village = detail.villages.find((x: { villageId: number }) => x.villageId === v.village_id);
    expect(village).toMatchObject({ total: v.n, decided: v.n, visited: v.n, signoff: { returnedDate: '2026-11-20' } });
    expect(village.outcomes['停保']).toBe(1);
    expect(village.team.map((t: { role: string }) => t.role)).toEqual(['驻村领导', '驻村干部', '村干部']);
    expect(detail.overall.signedVillages).toBe(1);

    const pdf = await renderDocument({ sqlite: s.handle.sqlite, dataDir: s.dir, actor: ADMIN }, 'rechecks.signoff', { campaignId: c.id, villageId: v.village_id, filled: true });
    const text = execFileSync('pdftotext', ['-layout', pdf.file, '-'], { encoding: 'utf8' });
    for (const role of ['驻村领导', '驻村干部', '村干部']) expect(text).toContain(`${role}（签字）`);
    expect(text).toContain('戴亮');
    expect(text).toContain(stop.headName);
    expect(text).toContain('停保');
  });

  it('refuses a signed sheet while households still have no outcome, and read-only users cannot record', async () => {
    const c = await ok(s, 'rechecks.campaigns.create', { name: '专项行动', scopeDate: '2026-11-01' });
    const ch = q<{ id: number; village_id: number }>('SELECT id, village_id FROM campaign_households WHERE campaign_id = ? LIMIT 1', c.id);
    const r = await callAs(s, ADMIN, 'rechecks.campaigns.signoff', { campaignId: c.id, villageId: ch.village_id, returnedDate: '2026-11-20' });
    expect(r.ok).toBe(false);
    const ro = await callAs(s, actorOf('readonly'), 'rechecks.campaigns.record', { id: ch.id, visitDate: '2026-11-10', outcome: '维持', checkedBy: 'x' });
    expect(ro.ok).toBe(false);
  });
});

describe('recheck schedule worklist', () => {
  it('lists households due, and a death brings the family recheck within 3 months', async () => {
    const m = q<{ id: number; household_id: number }>(`SELECT m.id, m.household_id FROM members m JOIN households h ON h.id = m.household_id
      WHERE h.status = '在保' AND m.state = '在户' AND m.id <> h.head_member_id LIMIT 1`);
    s.handle.sqlite.prepare('UPDATE households SET start_month = ? WHERE id = ?').run('2026-10', m.household_id);
    let due = await ok(s, 'rechecks.due', { today: '2026-11-22', state: '全部', pageSize: 500 });
    const before = due.rows.find((r: { householdId: number }) => r.householdId === m.household_id);
    expect(before.state).toBe('未到期');
    await ok(s, 'households.exitMember', { memberId: m.id, kind: '死亡', date: '2026-09-05', reason: '病故' });
    due = await ok(s, 'rechecks.due', { today: '2026-11-22', state: '待复核', pageSize: 500 });
    const after = due.rows.find((r: { householdId: number }) => r.householdId === m.household_id);
    expect(after).toMatchObject({ dueDate: '2026-12-05', state: '即将到期' });
    expect(after.reason).toContain('死亡');
    expect(due.summary.length).toBeGreaterThan(0);
    await ok(s, 'rechecks.record', { householdId: m.household_id, kind: '死亡复核', date: '2026-11-20', outcome: '维持', findings: '已核减人口', checkedBy: '李经办' });
    expect(q<{ n: number }>('SELECT COUNT(*) AS n FROM recheck_triggers WHERE household_id = ? AND resolved_at IS NULL', m.household_id).n).toBe(0);
  });

  it('switches to the 2012 frequencies when the office selects that rule', async () => {
    await ok(s, 'rechecks.schedule.set', { rule: '2012' });
    const due = await ok(s, 'rechecks.due', { today: '2026-11-22', state: '全部', pageSize: 500 });
    expect(new Set(due.rows.map((r: { cls: string }) => r.cls)).has('收入稳定')).toBe(true);
    expect(due.rows.every((r: { cls: string }) => ['三无', '收入稳定', '收入变动-城市', '收入变动-农村'].includes(r.cls))).toBe(true);
  });
});

describe('digital supervision lists', () => {
  it('lists a member dead more than 3 months whose household is still paid, with a link to the case', async () => {
    const m = q<{ id: number; household_id: number; name: string }>(`SELECT m.id, m.household_id, m.name FROM members m JOIN households h ON h.id = m.household_id
      WHERE h.status = '在保' AND m.state = '在户' AND m.id <> h.head_member_id LIMIT 1`);
    s.handle.sqlite.prepare("UPDATE members SET state = '死亡', death_date = '2026-03-01' WHERE id = ?").run(m.id);
    // Not rechecked since the death (the demo's recheck history would otherwise clear the finding).
    s.handle.sqlite.prepare("DELETE FROM recheck_records WHERE household_id = ? AND date >= '2026-03-01'").run(m.household_id);
    const lists = await ok(s, 'rechecks.supervision', { today: '2026-11-22' });
    const dead = lists.find((l: { key: string }) => l.key === 'deadCovered');
    const f = dead.findings.find((x: { person: string }) => x.person === m.name);
    expect(f.links[0].href).toBe(`#/households/${m.household_id}`);
    expect(lists.map((l: { label: string }) => l.label)).toEqual(['同一人在两户享受保障', '同时享受低保和特困供养', '死亡超过3个月仍在保', '近亲属享受低保未备案']);
  });
});
