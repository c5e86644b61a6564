import type Database from 'better-sqlite3';
import { normalizeGroup, villageKey } from './cells';
import type { PlannedHousehold, Problem } from './plan';
import { describeHousehold, idHolder } from '../store';

/**
 * Checks the plan against the database: households already on file (re-import adds nothing), IDs held by
 * another household, and which 村/组 of the roster are missing from the address tree.
 *
 * Missing villages and groups are CREATED by the import (and listed in the dry run first): a new office's
 * roster is usually more complete than its freshly set-up address tree, and retyping dozens of 组 by hand
 * is what the import is meant to save. Names are matched loosely (石桥 = 石桥村, 三组 = 3组) so a spelling
 * variant does not create a second village.
 */
export interface Resolution {
  toCreate: PlannedHousehold[];
  existing: number;
  newVillages: string[];
  newGroups: string[];
}

interface RegionRow { id: number; parent_id: number | null; level: string; name: string }

export class AddressBook {
  villages = new Map<string, { id: number | null; name: string; groups: Map<string, number | null> }>();
  constructor(sqlite: Database.Database) {
    const rows = sqlite.prepare("SELECT id, parent_id, level, name FROM regions WHERE level IN ('village', 'group') ORDER BY id").all() as RegionRow[];
    const byId = new Map<number, string>();
    for (const r of rows.filter((x) => x.level === 'village')) {
      byId.set(r.id, villageKey(r.name));
      if (!this.villages.has(villageKey(r.name))) this.villages.set(villageKey(r.name), { id: r.id, name: r.name, groups: new Map() });
    }
    for (const g of rows.filter((x) => x.level === 'group')) {
      const v = this.villages.get(byId.get(g.parent_id!) ?? '');
      if (v && !v.groups.has(normalizeGroup(g.name))) v.groups.set(normalizeGroup(g.name), g.id);
    }
  }
  village(name: string) { return this.villages.get(villageKey(name)); }
  /** Registers a planned village/group; returns true when it is new. */
  plan(village: string, group: string): { newVillage: boolean; newGroup: boolean } {
    let v = this.village(village);
    const newVillage = !v;
    if (!v) { v = { id: null, name: village, groups: new Map() }; this.villages.set(villageKey(village), v); }
    const newGroup = !!group && !v.groups.has(group);
    if (newGroup) v.groups.set(group, null);
    return { newVillage, newGroup };
  }
}

export function resolvePlan(sqlite: Database.Database, households: PlannedHousehold[], problems: Problem[]): Resolution {
  const findId = (id: string) => idHolder(sqlite, id)?.householdId;
  const book = new AddressBook(sqlite);
  const res: Resolution = { toCreate: [], existing: 0, newVillages: [], newGroups: [] };
  for (const hh of households) {
    if (!hh.members.length) continue;
    const head = hh.members.find((m) => m.isHead) ?? hh.members[0];
    const onFile = findId(head.idNumber);
    if (onFile !== undefined) {
      res.existing++;
      const missing = hh.members.filter((m) => findId(m.idNumber) === undefined);
      if (missing.length) {
        problems.push({ level: 'warning', sheet: hh.sheet, row: hh.row, column: '身份证号',
          reason: `该户已在${describeHousehold(sqlite, onFile)}建档，本次不重复导入；名单中的 ${missing.map((m) => m.name).join('、')} 尚未登记，请在户档案中添加` });
      }
      continue;
    }
    let clash = false;
    for (const m of hh.members) {
      const other = m === head ? undefined : findId(m.idNumber); // the head was just looked up: not on file
      if (other === undefined) continue;
      clash = true;
      problems.push({ level: 'error', sheet: m.sheet, row: m.row, column: '身份证号',
        reason: `${m.name}的身份证号已登记在${describeHousehold(sqlite, other)}，同一人不能在两户` });
    }
    if (clash || !hh.village) continue;
    const p = book.plan(hh.village, hh.group);
    if (p.newVillage) res.newVillages.push(hh.village);
    if (p.newGroup) res.newGroups.push(`${book.village(hh.village)!.name}${hh.group}`);
    res.toCreate.push(hh);
  }
  return res;
}
