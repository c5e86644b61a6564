import type { HandlerContext } from '../../../ipc/contract';
import { AppError } from '../../../ipc/errors';
import { insertRegion } from '../../regions/channels';
import { emit } from '../../events';
import { prepared } from '../../../db/prepared';
import { nextId } from '../../../db/bulk';
import { addEvents, insertHouseholdRows, insertMemberRows, localToday } from '../store';
import { recordImportedMany } from '../../caseRecord/decide';
import { benefitMember, calculateFromFacts, calculationSettings, type CalculationSettings } from '../../applications/household';
import { AddressBook } from './resolve';
import type { PlannedHousehold } from './plan';

/** Writes the planned households in the caller's transaction. Returns the counts; throws to roll everything back. */
export function applyPlan(ctx: HandlerContext, households: PlannedHousehold[], file: string) {
  const book = new AddressBook(ctx.sqlite);
  const township = (ctx.sqlite.prepare("SELECT id FROM regions WHERE level = 'township' ORDER BY id LIMIT 1").get() as { id: number } | undefined)?.id;
  if (township === undefined) throw new AppError('NOT_INITIALIZED', '地址树中没有乡镇节点，请先完成初始化');
  const created = { villages: [] as string[], groups: [] as string[] };
  const place = (hh: PlannedHousehold) => {
    let v = book.village(hh.village);
    if (!v || v.id === null) {
      const id = insertRegion(ctx.sqlite, township, 'village', hh.village, 100 + created.villages.length);
      ctx.audit({ entity: 'region', entityId: id, after: { parentId: township, level: 'village', name: hh.village, source: file } });
      book.plan(hh.village, '');
      v = book.village(hh.village)!;
      v.id = id;
      created.villages.push(hh.village);
    }
    if (!hh.group) return { villageId: v.id!, groupId: null };
    let g = v.groups.get(hh.group) ?? null;
    if (g === null) {
      g = insertRegion(ctx.sqlite, v.id, 'group', hh.group, v.groups.size + 1);
      ctx.audit({ entity: 'region', entityId: g, after: { parentId: v.id, level: 'group', name: hh.group, source: file } });
      v.groups.set(hh.group, g);
      created.groups.push(`${v.name}${hh.group}`);
    }
    return { villageId: v.id!, groupId: g };
  };
  const added: { householdId: number; memberId: number; idNumber: string }[] = [];
  const today = localToday();
  const settings = onceSettings(ctx.sqlite);
  const newMembers = households.reduce((sum, hh) => sum + hh.members.length, 0);
  const ids = withSearchIndexesRebuilt(ctx.sqlite, newMembers, () => writeAll(ctx, households, place, { file, today, settings, added }));
  const members = added.length;
  // Other features follow the import in one batch each (an archive bag per household, near-relative matching).
  emit.householdsImported(ctx, { householdIds: ids, source: `花名册“${file}”` });
  emit.membersImported(ctx, { members: added });
  ctx.audit({ entity: 'roster_import', entityId: file, after: { file, households: households.length, members, ...created } });
  return { households: households.length, members, createdVillages: created.villages, createdGroups: created.groups };
}

/** The lookup indexes the import's writes do not read; UNIQUE ones (one person, one file) always stay. */
const REBUILT_TABLES = ['members', 'households', 'household_events', 'benefit_changes'];
/**
 * Migration 0018's triggers keep households.head_pinyin equal to the head's pinyin_full, one UPDATE per household and
 * per member written. For a bulk write they are set aside like the indexes and the copy is filled in one statement,
 * the migration's own backfill, before they are created again from their stored SQL.
 */
const HEAD_PINYIN_TRIGGERS = ['households_head_pinyin_ins', 'households_head_pinyin_upd', 'members_head_pinyin_ins'];

/**
 * A roster at least as big as what is already stored: the tables' non-unique lookup indexes (name, pinyin, ID
 * endings, village, status …) are dropped for the writes and created again from their own stored SQL before the
 * transaction commits. Building an index once over sorted keys costs far less than 50,000 inserts at random places
 * in seven B-trees; inside the transaction a failure rolls the indexes back with everything else.
 */
function withSearchIndexesRebuilt(sqlite: HandlerContext['sqlite'], newMembers: number, write: () => number[]): number[] {
  const existing = prepared(sqlite, 'SELECT COUNT(*) FROM members').pluck().get() as number;
  if (newMembers < 1000 || newMembers < existing) return write();
  const indexes = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
    AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (SELECT value FROM json_each(?))`).all(JSON.stringify(REBUILT_TABLES)) as { name: string; sql: string }[];
  const triggers = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(HEAD_PINYIN_TRIGGERS)) as { name: string; sql: string }[];
  for (const i of indexes) sqlite.exec(`DROP INDEX "${i.name}"`);
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  const ids = write();
  if (triggers.length && ids.length) {
    sqlite.prepare(`UPDATE households SET head_pinyin = (SELECT pinyin_full FROM members WHERE members.id = households.head_member_id)
      WHERE id BETWEEN ? AND ?`).run(ids[0], ids[ids.length - 1]);
  }
  for (const t of triggers) sqlite.exec(t.sql);
  for (const i of indexes) sqlite.exec(i.sql);
  return ids;
}

/** The standard and rules in force, read once per import (nothing changes them inside its transaction). */
function onceSettings(sqlite: HandlerContext['sqlite']): CalculationSettings {
  const read = calculationSettings(sqlite);
  const standards = new Map<string, ReturnType<CalculationSettings['standardFor']>>();
  return { rules: read.rules, standardFor: (date, area) => {
    const key = `${date}/${area}`;
    if (!standards.has(key)) standards.set(key, read.standardFor(date, area));
    return standards.get(key)!;
  } };
}

/**
 * The calculation on the day of import from the rows being written, as calculateForHousehold would read them back:
 * a new household is 整户保 and every member is covered, co-resident and without income items (the columns' defaults).
 */
function plannedCalculation(hh: PlannedHousehold, date: string, settings: CalculationSettings) {
  const members = hh.members.map((m) => benefitMember({ name: m.name, covered: true, birthDate: m.birthDate, health: m.health, school: '',
    disabilityGrade: m.disabilityGrade }, [], date));
  try {
    return { calc: calculateFromFacts({ category: hh.category!, coverMode: '整户保' }, members, date, settings), coveredCount: members.length };
  } catch (e) {
    if (e instanceof AppError && e.code === 'NO_STANDARD') return { calc: null, coveredCount: members.length };
    throw e;
  }
}

type Run = { file: string; today: string; settings: CalculationSettings; added: { householdId: number; memberId: number; idNumber: string }[] };

/** Households written per step: between steps the import reports progress and checks for 取消. */
const CHUNK = 500;

/**
 * Writes every planned household: its row, its members, the 花名册导入 timeline entry and the 建档导入 record, the
 * same rows the one-household path writes, in multi-row INSERTs of CHUNK households at a time. Ids are given here
 * (db/bulk nextId) so a household names its head member in the same INSERT.
 */
function writeAll(ctx: HandlerContext, households: PlannedHousehold[], place: (hh: PlannedHousehold) => { villageId: number; groupId: number | null },
  run: Run): number[] {
  const ids: number[] = [];
  let householdId = nextId(ctx.sqlite, 'households') - 1;
  let memberId = nextId(ctx.sqlite, 'members') - 1;
  const now = new Date().toISOString();
  for (let start = 0; start < households.length; start += CHUNK) {
    if (ctx.cancelled()) throw new AppError('CANCELLED', '已取消导入，没有写入任何数据');
    ctx.progress({ done: start, total: households.length, message: `正在写入第 ${start + 1} 户` });
    const rows = { households: [] as Parameters<typeof insertHouseholdRows>[1], members: [] as Parameters<typeof insertMemberRows>[1],
      events: [] as Parameters<typeof addEvents>[1], records: [] as Parameters<typeof recordImportedMany>[1] };
    for (const hh of households.slice(start, start + CHUNK)) {
      ids.push(++householdId);
      let headMemberId = 0;
      for (const m of hh.members) {
        rows.members.push({ id: ++memberId, householdId, member: { ...m, illnessType: '', disabilityCertNo: '', employment: '', school: '', hukou: '',
          relation: m.relation as never, health: m.health as never, disabilityType: m.disabilityType as never, labourCapacity: m.labourCapacity as never } });
        if (m.isHead && !headMemberId) headMemberId = memberId;
        run.added.push({ householdId, memberId, idNumber: m.idNumber });
      }
      rows.households.push({ id: householdId, headMemberId, amounts: { monthlyFen: hh.monthlyFen, topUpFen: hh.topUpFen }, facts: {
        category: hh.category!, status: '在保', ...place(hh), address: hh.address, certificateNo: hh.certificateNo || null, startMonth: hh.startMonth,
        causes: hh.causes as never, housing: '', vehicles: '', propertyNotes: '', bankName: hh.bankName, bankAccount: hh.bankAccount,
        edgeFamily: hh.category === '低保边缘', flags: [] } });
      rows.events.push({ householdId, type: '花名册导入', reason: `导入花名册“${run.file}”`, payload: { sheet: hh.sheet, row: hh.row, members: hh.members.length } });
      // An existing case: its status and amounts come from this 建档导入 record (domain/caseRecord), not from an edit.
      rows.records.push({ householdId, date: run.today, status: '在保', monthlyFen: hh.monthlyFen, topUpFen: hh.topUpFen,
        operator: ctx.actor.displayName, source: `花名册“${run.file}”`, planned: plannedCalculation(hh, run.today, run.settings) });
    }
    insertHouseholdRows(ctx.sqlite, rows.households, now);
    insertMemberRows(ctx.sqlite, rows.members, now);
    addEvents(ctx, rows.events);
    recordImportedMany(ctx.sqlite, rows.records);
  }
  return ids;
}
