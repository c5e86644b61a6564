import type { HandlerContext } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { parseIdNumber } from '../../domain/idNumber';
import { namePinyin } from '../../domain/pinyin';
import type { HouseholdEventType } from '../../domain/glossary';
import { emit } from '../events';
import { getRegion } from '../regions/channels';
import type { HouseholdFacts, NewMember } from './schemas';
import { getHouseholdRow, type HouseholdRow } from './queries';
import { prepared } from '../../db/prepared';
import { localToday } from '../../domain/dates';
import { DECIDED_FIELDS, decidedFieldMessage } from '../../domain/caseRecord';

type Sqlite = HandlerContext['sqlite'];

export { localToday };

export function addEvent(ctx: HandlerContext, e: { householdId: number; memberId?: number | null; type: HouseholdEventType;
  date?: string; reason?: string; payload?: Record<string, unknown> }): number {
  const r = prepared(ctx.sqlite, `INSERT INTO household_events (household_id, member_id, type, date, reason, operator, payload, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(e.householdId, e.memberId ?? null, e.type, e.date ?? localToday(), e.reason ?? '',
    ctx.actor.displayName, JSON.stringify(e.payload ?? {}), new Date().toISOString());
  return Number(r.lastInsertRowid);
}

/** "石桥村3组 张三户（档案号 12）": how a household is named in messages. */
export function describeHousehold(sqlite: Sqlite, householdId: number): string {
  const r = sqlite.prepare(`SELECT h.id, COALESCE(v.name, '') || COALESCE(g.name, '') AS place, COALESCE(m.name, '') AS head
    FROM households h LEFT JOIN regions v ON v.id = h.village_id LEFT JOIN regions g ON g.id = h.group_id
    LEFT JOIN members m ON m.id = h.head_member_id WHERE h.id = ?`).get(householdId) as { id: number; place: string; head: string } | undefined;
  return r ? `${r.place} ${r.head}户（档案号 ${r.id}）` : `档案号 ${householdId}`;
}

/** The member already holding a (normalized) 身份证号, in any household and any state: one person, one file. */
export function idHolder(sqlite: Sqlite, idNumber: string): { name: string; householdId: number } | undefined {
  return prepared(sqlite, 'SELECT name, household_id AS householdId FROM members WHERE id_number = ?').get(idNumber) as
    { name: string; householdId: number } | undefined;
}

/** Validates a 身份证号 and that nobody else holds it; returns the normalized ID with birth date and sex. */
export function checkNewId(sqlite: Sqlite, raw: string) {
  const parsed = parseIdNumber(raw);
  if (!parsed.ok) throw new AppError('VALIDATION', parsed.reason, [{ path: 'idNumber', message: parsed.reason }]);
  const holder = idHolder(sqlite, parsed.value.id);
  if (holder) {
    const msg = `身份证号 ${parsed.value.id} 已登记在${describeHousehold(sqlite, holder.householdId)}（成员 ${holder.name}），同一人不能重复建档`;
    throw new AppError('CONFLICT', msg, [{ path: 'idNumber', message: msg, householdId: holder.householdId }]);
  }
  return parsed.value;
}

/** Inserts one member row (ID already checked); keeps pinyin keys for search. */
export function insertMemberRow(sqlite: Sqlite, householdId: number,
  m: NewMember & { idNumber: string; sex: string; birthDate: string; pinyin?: { initials: string; full: string } }, covered = true): number {
  const py = m.pinyin ?? namePinyin(m.name); // a roster import computes it in its worker thread
  const r = prepared(sqlite, `INSERT INTO members (household_id, name, id_number, sex, birth_date, relation, covered, health, illness_type,
    disability_type, disability_grade, disability_cert_no, labour_capacity, employment, school, hukou, phone, pinyin_initials, pinyin_full, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(householdId, m.name, m.idNumber, m.sex, m.birthDate, m.relation,
    covered ? 1 : 0, m.health, m.illnessType, m.disabilityType, m.disabilityGrade, m.disabilityCertNo, m.labourCapacity, m.employment,
    m.school, m.hukou, m.phone, py.initials, py.full, new Date().toISOString());
  return Number(r.lastInsertRowid);
}

/** Adds a member with the ID rules, the timeline entry, the audit row and the memberAdded event. */
export function addMember(ctx: HandlerContext, householdId: number, m: NewMember, change: { date?: string; reason?: string }, covered = true): number {
  const idInfo = checkNewId(ctx.sqlite, m.idNumber);
  const memberId = insertMemberRow(ctx.sqlite, householdId, { ...m, idNumber: idInfo.id, sex: idInfo.sex, birthDate: idInfo.birthDate }, covered);
  addEvent(ctx, { householdId, memberId, type: '成员增加', date: change.date, reason: change.reason,
    payload: { name: m.name, relation: m.relation, idConverted: idInfo.converted } });
  ctx.audit({ entity: 'member', entityId: memberId, after: { householdId, name: m.name, idNumber: idInfo.id, relation: m.relation } });
  emit.memberAdded(ctx, { householdId, memberId, idNumber: idInfo.id });
  emit.householdFactsChanged(ctx, { householdId, date: change.date ?? localToday(), trigger: `成员增加：${m.name}` });
  return memberId;
}

/** Village must be a 村/居 and the group one of its 组. */
export function checkPlace(sqlite: Sqlite, villageId: number, groupId: number | null) {
  const v = getRegion(sqlite, villageId);
  if (v.level !== 'village') throw new AppError('VALIDATION', `“${v.name}”不是村/居`, [{ path: 'villageId', message: '请选择村/居' }]);
  if (groupId != null) {
    const g = getRegion(sqlite, groupId);
    if (g.parent_id !== villageId) throw new AppError('VALIDATION', `“${g.name}”不属于${v.name}`, [{ path: 'groupId', message: '组不属于所选村/居' }]);
  }
}

export function insertHouseholdRow(sqlite: Sqlite, f: HouseholdFacts, extra: { monthlyFen?: number; topUpFen?: number } = {}): number {
  const now = new Date().toISOString();
  const r = prepared(sqlite, `INSERT INTO households (certificate_no, category, status, village_id, group_id, address, start_month, causes,
    housing, vehicles, property_notes, bank_name, bank_account, monthly_amount_fen, top_up_fen, flags, edge_family, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(f.certificateNo || null, f.category, f.status, f.villageId, f.groupId,
    f.address, f.startMonth, JSON.stringify(f.causes), f.housing, f.vehicles, f.propertyNotes, f.bankName, f.bankAccount,
    extra.monthlyFen ?? 0, extra.topUpFen ?? 0, JSON.stringify(f.flags), f.edgeFamily ? 1 : 0, now, now);
  return Number(r.lastInsertRowid);
}

/**
 * Status, category and amounts are decided, not edited (domain/caseRecord): a patch naming one with a new value is
 * refused with the way to change it. The same value sent back by a form that shows every field is no change.
 */
export function refuseDecidedFields(patch: Record<string, unknown>, current: Record<string, unknown>) {
  const named = Object.keys(DECIDED_FIELDS).filter((k) => patch[k] !== undefined && patch[k] !== current[k]);
  if (named.length) throw new AppError('DECIDED_FIELD', decidedFieldMessage(named), named.map((k) => ({ path: k, message: decidedFieldMessage([k]) })));
}

/** Creates a household with its head: rows, timeline, audit, and the householdCreated + memberAdded events. */
export function createHousehold(ctx: HandlerContext, f: HouseholdFacts, head: NewMember, change: { date?: string; reason?: string }) {
  // A new household is 申请中 until its 审核确认; an existing case comes in through the roster import (建档导入).
  if (f.status !== '申请中') {
    throw new AppError('DECIDED_FIELD', '新建户档案的状态只能是“申请中”：纳入保障须走申请和审核确认；已在保的户请用花名册导入（建档导入）',
      [{ path: 'status', message: '新建户档案为申请中' }]);
  }
  checkPlace(ctx.sqlite, f.villageId, f.groupId);
  const householdId = insertHouseholdRow(ctx.sqlite, f);
  addEvent(ctx, { householdId, type: '建档', date: change.date, reason: change.reason, payload: { category: f.category, status: f.status } });
  ctx.audit({ entity: 'household', entityId: householdId, after: { ...f, bankAccount: f.bankAccount ? '（已填写）' : '' } });
  emit.householdCreated(ctx, { householdId });
  const headId = addMember(ctx, householdId, { ...head, relation: '户主' }, change);
  ctx.sqlite.prepare('UPDATE households SET head_member_id = ? WHERE id = ?').run(headId, householdId);
  return { id: householdId, headMemberId: headId };
}

export const FACT_LABELS: Record<string, string> = {
  category: '保障类别', status: '状态', villageId: '所在村/居', groupId: '所在组', address: '住址', certificateNo: '低保证号',
  startMonth: '起始保障年月', causes: '致贫原因', housing: '住房', vehicles: '车辆', propertyNotes: '财产说明', bankName: '开户银行',
  bankAccount: '银行账号', edgeFamily: '低保边缘家庭', flags: '标记',
};
const COLUMN: Record<string, keyof HouseholdRow> = {
  category: 'category', status: 'status', villageId: 'village_id', groupId: 'group_id', address: 'address', certificateNo: 'certificate_no',
  startMonth: 'start_month', causes: 'causes', housing: 'housing', vehicles: 'vehicles', propertyNotes: 'property_notes',
  bankName: 'bank_name', bankAccount: 'bank_account', edgeFamily: 'edge_family', flags: 'flags',
};
const stored = (k: string, v: unknown) => (k === 'causes' || k === 'flags' ? JSON.stringify(v) : k === 'edgeFamily' ? (v ? 1 : 0) : v);

/** Applies changed facts (never status, category or amounts); a village change is its own timeline entry and domain event. */
export function updateHousehold(ctx: HandlerContext, id: number, patch: Partial<HouseholdFacts>, change: { date?: string; reason?: string }) {
  const before = getHouseholdRow(ctx.sqlite, id);
  refuseDecidedFields(patch as Record<string, unknown>, { status: before.status, category: before.category,
    monthlyAmountFen: before.monthly_amount_fen, topUpFen: before.top_up_fen });
  const date = change.date ?? localToday();
  const changed = Object.entries(patch).filter(([k, v]) => v !== undefined && COLUMN[k] && stored(k, v) !== before[COLUMN[k]]);
  if (changed.length === 0) return { id, changed: [] as string[] };
  const next = { villageId: patch.villageId ?? before.village_id, groupId: patch.groupId !== undefined ? patch.groupId : before.group_id };
  if (patch.villageId !== undefined || patch.groupId !== undefined) checkPlace(ctx.sqlite, next.villageId, next.groupId);
  for (const [k, v] of changed) ctx.sqlite.prepare(`UPDATE households SET ${COLUMN[k]} = ? WHERE id = ?`).run(stored(k, v) as never, id);
  ctx.sqlite.prepare('UPDATE households SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), id);
  const keys = changed.map(([k]) => k);
  if (keys.includes('villageId') || keys.includes('groupId')) {
    addEvent(ctx, { householdId: id, type: '迁址', date, reason: change.reason, payload: { from: [before.village_id, before.group_id], to: [next.villageId, next.groupId] } });
    emit.householdMoved(ctx, { householdId: id, fromVillageId: before.village_id, fromGroupId: before.group_id, toVillageId: next.villageId, toGroupId: next.groupId, date });
  }
  const other = keys.filter((k) => !['status', 'villageId', 'groupId'].includes(k));
  if (other.length) addEvent(ctx, { householdId: id, type: '信息变更', date, reason: change.reason, payload: { fields: other.map((k) => FACT_LABELS[k]) } });
  const pick = (row: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, k === 'bankAccount' ? '（账号）' : row[k]]));
  ctx.audit({ entity: 'household', entityId: id, before: pick(Object.fromEntries(keys.map((k) => [k, before[COLUMN[k]]]))), after: pick(patch) });
  return { id, changed: keys.map((k) => FACT_LABELS[k]) };
}
