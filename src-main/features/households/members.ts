import type { HandlerContext } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { checkCoverage } from '../../domain/coverage';
import { namePinyin } from '../../domain/pinyin';
import { emit } from '../events';
import { getHouseholdRow, getMemberRow, type MemberRow } from './queries';
import { addEvent, localToday } from './store';

/** Member changes as timeline events: exits, head change, facts, cover, income. Nothing is deleted. */

const EXIT_EVENT = { 死亡: '成员死亡', 迁出: '成员迁出', 移出: '成员移出' } as const;
/** 2026-11-28 → 2026年11月28日, as people read dates (the task text is shown as written). */
const cnDay = (iso: string) => { const [y, m, d] = iso.split('-').map(Number); return `${y}年${m}月${d}日`; };

export function exitMember(ctx: HandlerContext, i: { memberId: number; kind: '死亡' | '迁出' | '移出'; date: string; reason: string }) {
  const m = getMemberRow(ctx.sqlite, i.memberId);
  if (m.state !== '在户') throw new AppError('CONFLICT', `${m.name}已${m.state}，不能再次登记`);
  const h = getHouseholdRow(ctx.sqlite, m.household_id);
  const others = ctx.sqlite.prepare("SELECT COUNT(*) AS n FROM members WHERE household_id = ? AND state = '在户' AND id <> ?").get(h.id, m.id) as { n: number };
  if (h.head_member_id === m.id && others.n > 0) {
    throw new AppError('CONFLICT', `${m.name}是户主：请先把户主变更为其他在户成员，再登记${i.kind}`);
  }
  ctx.sqlite.prepare(`UPDATE members SET state = ?, death_date = ?, left_date = ? WHERE id = ?`)
    .run(i.kind, i.kind === '死亡' ? i.date : null, i.kind === '死亡' ? null : i.date, m.id);
  addEvent(ctx, { householdId: h.id, memberId: m.id, type: EXIT_EVENT[i.kind], date: i.date, reason: i.reason, payload: { name: m.name } });
  ctx.audit({ entity: 'member', entityId: m.id, before: { state: m.state }, after: { state: i.kind, date: i.date, reason: i.reason } });
  if (i.kind === '死亡') emit.memberDied(ctx, { householdId: h.id, memberId: m.id, deathDate: i.date });
  emit.householdFactsChanged(ctx, { householdId: h.id, date: i.date, trigger: `成员${i.kind}：${m.name}（${cnDay(i.date)}）` });
  return { memberId: m.id, householdEmpty: others.n === 0 };
}

export function changeHead(ctx: HandlerContext, i: { householdId: number; memberId: number; formerHeadRelation: string; date?: string; reason: string }) {
  const h = getHouseholdRow(ctx.sqlite, i.householdId);
  const m = getMemberRow(ctx.sqlite, i.memberId);
  if (m.household_id !== h.id || m.state !== '在户') throw new AppError('VALIDATION', `${m.name}不是本户在户成员，不能任户主`);
  if (h.head_member_id === m.id) throw new AppError('CONFLICT', `${m.name}已是户主`);
  const former = h.head_member_id ? getMemberRow(ctx.sqlite, h.head_member_id) : null;
  if (former && former.state === '在户') ctx.sqlite.prepare('UPDATE members SET relation = ? WHERE id = ?').run(i.formerHeadRelation, former.id);
  ctx.sqlite.prepare("UPDATE members SET relation = '户主' WHERE id = ?").run(m.id);
  ctx.sqlite.prepare('UPDATE households SET head_member_id = ?, updated_at = ? WHERE id = ?').run(m.id, new Date().toISOString(), h.id);
  addEvent(ctx, { householdId: h.id, memberId: m.id, type: '户主变更', date: i.date, reason: i.reason,
    payload: { from: former?.name ?? '', to: m.name, formerHeadRelation: former?.state === '在户' ? i.formerHeadRelation : null } });
  ctx.audit({ entity: 'household', entityId: h.id, before: { headMemberId: h.head_member_id }, after: { headMemberId: m.id } });
  return { householdId: h.id, headMemberId: m.id };
}

const MEMBER_COLUMNS: Record<string, keyof MemberRow> = {
  name: 'name', relation: 'relation', health: 'health', illnessType: 'illness_type', disabilityType: 'disability_type',
  disabilityGrade: 'disability_grade', disabilityCertNo: 'disability_cert_no', labourCapacity: 'labour_capacity',
  employment: 'employment', school: 'school', hukou: 'hukou', phone: 'phone',
};
export const MEMBER_LABELS: Record<string, string> = {
  name: '姓名', relation: '与户主关系', health: '健康状况', illnessType: '疾病类型', disabilityType: '残疾类别', disabilityGrade: '残疾等级',
  disabilityCertNo: '残疾证号', labourCapacity: '劳动能力', employment: '就业状况', school: '就学情况', hukou: '户籍', phone: '联系电话',
};

export function updateMember(ctx: HandlerContext, memberId: number, patch: Record<string, unknown>, change: { date?: string; reason?: string }) {
  const m = getMemberRow(ctx.sqlite, memberId);
  const changed = Object.entries(patch).filter(([k, v]) => v !== undefined && MEMBER_COLUMNS[k] && v !== m[MEMBER_COLUMNS[k]]);
  if (changed.length === 0) return { memberId, changed: [] as string[] };
  for (const [k, v] of changed) ctx.sqlite.prepare(`UPDATE members SET ${MEMBER_COLUMNS[k]} = ? WHERE id = ?`).run(v as never, memberId);
  if (patch.name !== undefined && patch.name !== m.name) {
    const py = namePinyin(String(patch.name));
    ctx.sqlite.prepare('UPDATE members SET pinyin_initials = ?, pinyin_full = ? WHERE id = ?').run(py.initials, py.full, memberId);
  }
  const fields = changed.map(([k]) => MEMBER_LABELS[k]);
  addEvent(ctx, { householdId: m.household_id, memberId, type: '成员信息变更', date: change.date, reason: change.reason, payload: { fields } });
  emit.householdFactsChanged(ctx, { householdId: m.household_id, date: change.date ?? localToday(), trigger: `${m.name}的${fields.join('、')}变更` });
  ctx.audit({ entity: 'member', entityId: memberId, before: Object.fromEntries(changed.map(([k]) => [k, m[MEMBER_COLUMNS[k]]])), after: Object.fromEntries(changed) });
  return { memberId, changed: fields };
}

/** 整户保 covers every present member; 单人保 only the chosen members, and only where the 2021 conditions hold. */
export function setCoverage(ctx: HandlerContext, i: { householdId: number; mode: '整户保' | '单人保'; memberIds: number[]; date?: string; reason: string }) {
  const h = getHouseholdRow(ctx.sqlite, i.householdId);
  const present = ctx.sqlite.prepare("SELECT * FROM members WHERE household_id = ? AND state = '在户'").all(h.id) as MemberRow[];
  const chosen = i.mode === '整户保' ? present : (ctx.sqlite.prepare('SELECT * FROM members WHERE household_id = ?').all(h.id) as MemberRow[])
    .filter((m) => i.memberIds.includes(m.id));
  if (i.mode === '单人保' && chosen.length !== i.memberIds.length) throw new AppError('VALIDATION', '所选保障对象不是本户成员');
  const check = checkCoverage(i.mode, !!h.edge_family, chosen.map((m) => ({ name: m.name, state: m.state, health: m.health,
    disabilityType: m.disability_type, disabilityGrade: m.disability_grade })));
  if (!check.ok) throw new AppError('VALIDATION', check.reason);
  const ids = new Set(chosen.map((m) => m.id));
  for (const m of present) ctx.sqlite.prepare('UPDATE members SET covered = ? WHERE id = ?').run(ids.has(m.id) ? 1 : 0, m.id);
  ctx.sqlite.prepare('UPDATE households SET cover_mode = ?, updated_at = ? WHERE id = ?').run(i.mode, new Date().toISOString(), h.id);
  const names = chosen.map((m) => m.name);
  addEvent(ctx, { householdId: h.id, type: '保障人口变更', date: i.date, reason: i.reason, payload: { mode: i.mode, covered: names } });
  ctx.audit({ entity: 'household', entityId: h.id, before: { coverMode: h.cover_mode }, after: { coverMode: i.mode, covered: names } });
  emit.householdFactsChanged(ctx, { householdId: h.id, date: i.date ?? localToday(), trigger: `保障人口变更为${names.join('、')}（${i.mode}）` });
  return { householdId: h.id, coveredSize: chosen.length };
}

export function addIncome(ctx: HandlerContext, i: { memberId: number; type: string; monthlyFen: number; excluded: boolean; deducted: boolean;
  note: string; date?: string; reason: string }) {
  const m = getMemberRow(ctx.sqlite, i.memberId);
  const r = ctx.sqlite.prepare('INSERT INTO income_items (member_id, type, monthly_fen, excluded, deducted, note) VALUES (?, ?, ?, ?, ?, ?)')
    .run(m.id, i.type, i.monthlyFen, i.excluded ? 1 : 0, i.deducted ? 1 : 0, i.note);
  const itemId = Number(r.lastInsertRowid);
  addEvent(ctx, { householdId: m.household_id, memberId: m.id, type: '收入变更', date: i.date ?? localToday(), reason: i.reason,
    payload: { action: '新增', type: i.type, monthlyFen: i.monthlyFen, excluded: i.excluded, deducted: i.deducted } });
  ctx.audit({ entity: 'income_item', entityId: itemId, after: { memberId: m.id, type: i.type, monthlyFen: i.monthlyFen, excluded: i.excluded, deducted: i.deducted } });
  emit.householdFactsChanged(ctx, { householdId: m.household_id, date: i.date ?? localToday(), trigger: `${m.name}新增${i.type} ${(i.monthlyFen / 100).toFixed(2)} 元/月` });
  return { id: itemId };
}

export function endIncome(ctx: HandlerContext, i: { itemId: number; date?: string; reason: string }) {
  const item = ctx.sqlite.prepare(`SELECT i.*, m.household_id AS householdId FROM income_items i JOIN members m ON m.id = i.member_id WHERE i.id = ?`)
    .get(i.itemId) as { id: number; member_id: number; type: string; monthly_fen: number; active: number; householdId: number } | undefined;
  if (!item) throw new AppError('NOT_FOUND', `未找到收入项（${i.itemId}）`);
  if (!item.active) throw new AppError('CONFLICT', '该收入项已停止');
  ctx.sqlite.prepare('UPDATE income_items SET active = 0 WHERE id = ?').run(item.id);
  addEvent(ctx, { householdId: item.householdId, memberId: item.member_id, type: '收入变更', date: i.date, reason: i.reason,
    payload: { action: '停止', type: item.type, monthlyFen: item.monthly_fen } });
  ctx.audit({ entity: 'income_item', entityId: item.id, before: { active: true }, after: { active: false } });
  emit.householdFactsChanged(ctx, { householdId: item.householdId, date: i.date ?? localToday(), trigger: `停止${item.type} ${(item.monthly_fen / 100).toFixed(2)} 元/月` });
  return { id: item.id };
}
