import type { HandlerContext } from '../../../ipc/contract';
import { AppError } from '../../../ipc/errors';
import { insertRegion } from '../../regions/channels';
import { emit } from '../../events';
import { prepared } from '../../../db/prepared';
import { addEvent, insertHouseholdRow, insertMemberRow, localToday } from '../store';
import { recordImported } from '../../caseRecord/decide';
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
  let members = 0;
  households.forEach((hh, n) => {
    if (n % 500 === 0) {
      if (ctx.cancelled()) throw new AppError('CANCELLED', '已取消导入，没有写入任何数据');
      ctx.progress({ done: n, total: households.length, message: `正在写入第 ${n + 1} 户` });
    }
    members += writeHousehold(ctx, hh, place(hh), file);
  });
  ctx.audit({ entity: 'roster_import', entityId: file, after: { file, households: households.length, members, ...created } });
  return { households: households.length, members, createdVillages: created.villages, createdGroups: created.groups };
}

function writeHousehold(ctx: HandlerContext, hh: PlannedHousehold, where: { villageId: number; groupId: number | null }, file: string): number {
  const householdId = insertHouseholdRow(ctx.sqlite, {
    category: hh.category!, status: '在保', ...where, address: hh.address, certificateNo: hh.certificateNo || null, startMonth: hh.startMonth,
    causes: hh.causes as never, housing: '', vehicles: '', propertyNotes: '', bankName: hh.bankName, bankAccount: hh.bankAccount,
    edgeFamily: hh.category === '低保边缘', flags: [],
  }, { monthlyFen: hh.monthlyFen, topUpFen: hh.topUpFen });
  emit.householdCreated(ctx, { householdId });
  let headId = 0;
  for (const m of hh.members) {
    const id = insertMemberRow(ctx.sqlite, householdId, { ...m, illnessType: '', disabilityCertNo: '', employment: '', school: '', hukou: '',
      relation: m.relation as never, health: m.health as never, disabilityType: m.disabilityType as never, labourCapacity: m.labourCapacity as never });
    if (m.isHead && !headId) headId = id;
    emit.memberAdded(ctx, { householdId, memberId: id, idNumber: m.idNumber });
  }
  prepared(ctx.sqlite, 'UPDATE households SET head_member_id = ? WHERE id = ?').run(headId, householdId);
  addEvent(ctx, { householdId, type: '花名册导入', reason: `导入花名册“${file}”`, payload: { sheet: hh.sheet, row: hh.row, members: hh.members.length } });
  // An existing case: its status and amounts come from this 建档导入 record (domain/caseRecord), not from an edit.
  recordImported(ctx.sqlite, { householdId, date: localToday(), status: '在保', monthlyFen: hh.monthlyFen, topUpFen: hh.topUpFen,
    operator: ctx.actor.displayName, source: `花名册“${file}”` });
  return hh.members.length;
}
