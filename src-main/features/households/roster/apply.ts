import type { HandlerContext } from '../../../ipc/contract';
import { AppError } from '../../../ipc/errors';
import { insertRegion } from '../../regions/channels';
import { emit } from '../../events';
import { prepared } from '../../../db/prepared';
import { addEvent, insertHouseholdRow, insertMemberRow, localToday } from '../store';
import { recordImported } from '../../caseRecord/decide';
import { benefitMember, calculateFromFacts, calculationSettings, type CalculationSettings } from '../../applications/household';
import { AddressBook } from './resolve';
import type { PlannedHousehold } from './plan';

/**
 * Writes the planned households in the caller's transaction, letting the event loop turn at `pause()` between
 * households (the transaction stays open: see ctx.txSliced). Returns the counts; throws to roll everything back.
 */
export async function applyPlan(ctx: HandlerContext, households: PlannedHousehold[], file: string, pause: () => Promise<void>) {
  await assertNoneOnFile(ctx, households, pause);
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
  let members = 0;
  const added: { householdId: number; memberId: number; idNumber: string }[] = [];
  const today = localToday();
  const settings = onceSettings(ctx.sqlite);
  const newMembers = households.reduce((sum, hh) => sum + hh.members.length, 0);
  const ids = await withSearchIndexesRebuilt(ctx.sqlite, newMembers, pause, async () => {
    const written: number[] = [];
    for (const [n, hh] of households.entries()) {
      if (n % 200 === 0) ctx.progress({ done: n, total: households.length, message: `正在写入第 ${n + 1} 户，共 ${households.length} 户` });
      await pause();
      if (ctx.cancelled()) throw new AppError('CANCELLED', '已取消导入，没有写入任何数据');
      members += hh.members.length;
      written.push(writeHousehold(ctx, hh, place(hh), { file, today, settings, added }));
    }
    return written;
  });
  // Other features follow the import in batches (an archive bag per household, near-relative matching), each batch
  // its own short stretch: 10,000 households' bags in one go held the event loop for 280 ms.
  for (let i = 0; i < ids.length; i += FOLLOW_BATCH) {
    await pause();
    emit.householdsImported(ctx, { householdIds: ids.slice(i, i + FOLLOW_BATCH), source: `花名册“${file}”` });
  }
  for (let i = 0; i < added.length; i += FOLLOW_BATCH) {
    await pause();
    emit.membersImported(ctx, { members: added.slice(i, i + FOLLOW_BATCH) });
  }
  ctx.audit({ entity: 'roster_import', entityId: file, after: { file, households: households.length, members, ...created } });
  return { households: households.length, members, createdVillages: created.villages, createdGroups: created.groups };
}

/** Households (or members) per event to the features that follow an import: about 30 ms of their work each. */
const FOLLOW_BATCH = 1000;

/**
 * The worker planned against a snapshot: a person put on file since (by another window, between the dry run and this
 * write) would be refused by the UNIQUE index as a bare 冲突; name them instead, before anything is written.
 */
async function assertNoneOnFile(ctx: HandlerContext, households: PlannedHousehold[], pause: () => Promise<void>) {
  const holder = prepared(ctx.sqlite, 'SELECT name FROM members WHERE id_number = ?').pluck();
  const onFile: string[] = [];
  for (const hh of households) {
    for (const m of hh.members) if (holder.get(m.idNumber) !== undefined) onFile.push(m.name);
    await pause();
  }
  if (onFile.length) {
    throw new AppError('CONFLICT', `名单中的 ${onFile.slice(0, 5).join('、')}${onFile.length > 5 ? ` 等 ${onFile.length} 人` : ''} 在本次检查之后已被建档，没有写入任何数据；请重新试导入`,
      { names: onFile.slice(0, 20) });
  }
}

/** The lookup indexes the import's writes do not read; UNIQUE ones (one person, one file) always stay. */
const REBUILT_TABLES = ['members', 'households', 'household_events', 'benefit_changes'];

/**
 * A roster at least as big as what is already stored: the tables' non-unique lookup indexes (name, pinyin, ID
 * endings, village, status …) are dropped for the writes and created again from their own stored SQL before the
 * transaction commits. Building an index once over sorted keys costs far less than 50,000 inserts at random places
 * in seven B-trees; inside the transaction a failure rolls the indexes back with everything else.
 */
async function withSearchIndexesRebuilt<T>(sqlite: HandlerContext['sqlite'], newMembers: number, pause: () => Promise<void>,
  write: () => Promise<T>): Promise<T> {
  const existing = prepared(sqlite, 'SELECT COUNT(*) FROM members').pluck().get() as number;
  if (newMembers < 1000 || newMembers < existing) return write();
  const indexes = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
    AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (SELECT value FROM json_each(?))`).all(JSON.stringify(REBUILT_TABLES)) as { name: string; sql: string }[];
  for (const i of indexes) sqlite.exec(`DROP INDEX "${i.name}"`);
  const result = await write();
  for (const i of indexes) { await pause(); sqlite.exec(i.sql); }
  return result;
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

function writeHousehold(ctx: HandlerContext, hh: PlannedHousehold, where: { villageId: number; groupId: number | null },
  run: { file: string; today: string; settings: CalculationSettings; added: { householdId: number; memberId: number; idNumber: string }[] }): number {
  const householdId = insertHouseholdRow(ctx.sqlite, {
    category: hh.category!, status: '在保', ...where, address: hh.address, certificateNo: hh.certificateNo || null, startMonth: hh.startMonth,
    causes: hh.causes as never, housing: '', vehicles: '', propertyNotes: '', bankName: hh.bankName, bankAccount: hh.bankAccount,
    edgeFamily: hh.category === '低保边缘', flags: [],
  }, { monthlyFen: hh.monthlyFen, topUpFen: hh.topUpFen });
  let headId = 0;
  for (const m of hh.members) {
    const id = insertMemberRow(ctx.sqlite, householdId, { ...m, illnessType: '', disabilityCertNo: '', employment: '', school: '', hukou: '',
      relation: m.relation as never, health: m.health as never, disabilityType: m.disabilityType as never, labourCapacity: m.labourCapacity as never });
    if (m.isHead && !headId) headId = id;
    run.added.push({ householdId, memberId: id, idNumber: m.idNumber });
  }
  prepared(ctx.sqlite, 'UPDATE households SET head_member_id = ? WHERE id = ?').run(headId, householdId);
  addEvent(ctx, { householdId, type: '花名册导入', reason: `导入花名册“${run.file}”`, payload: { sheet: hh.sheet, row: hh.row, members: hh.members.length } });
  // An existing case: its status and amounts come from this 建档导入 record (domain/caseRecord), not from an edit.
  recordImported(ctx.sqlite, { householdId, date: run.today, status: '在保', monthlyFen: hh.monthlyFen, topUpFen: hh.topUpFen,
    operator: ctx.actor.displayName, source: `花名册“${run.file}”`, planned: plannedCalculation(hh, run.today, run.settings) });
  return householdId;
}
