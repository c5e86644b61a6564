import type Database from 'better-sqlite3';
import { AppError } from '../../../ipc/errors';
import { normalizeGroup, villageKey } from './cells';
import type { PlannedHousehold, Problem } from './plan';
import { describeHousehold } from '../store';
import { prepared } from '../../../db/prepared';

/**
 * Checks the plan against the database: households already on file (re-import adds nothing), IDs held by
 * another household, and which 村/组 of the roster are missing from the address tree.
 *
 * Missing villages and groups are CREATED by the import (and listed in the dry run first): a new office's
 * roster is usually more complete than its freshly set-up address tree, and retyping dozens of 组 by hand
 * is what the import is meant to save. Names are matched loosely (石桥 = 石桥村, 三组 = 3组) so a spelling
 * variant does not create a second village. A name that is NOT the same but close to an existing one
 * (石挢村 next to 石桥村: one character apart) is a likely typo: it is listed with the nearest existing names and
 * nothing is imported until the clerk chooses, in the request, to use an existing place or to create it.
 */
export interface Resolution {
  toCreate: PlannedHousehold[];
  existing: number;
  newVillages: string[];
  newGroups: string[];
  choices: PlaceChoice[];
}

/** A roster place name close to existing ones; `chosen` is the clerk's answer from the request, if any. */
export interface PlaceChoice {
  kind: 'village' | 'group'; key: string; name: string; village: string; candidates: string[]; households: number; firstRow: { sheet: string; row: number };
  chosen: Choice | null;
}
export type Choice = { use: string } | { create: true };
/** Choices by key: the roster's village name, or 村名/组名 for a group. */
export type PlaceChoices = Record<string, Choice>;

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

export function resolvePlan(sqlite: Database.Database, households: PlannedHousehold[], problems: Problem[], given: PlaceChoices = {}): Resolution {
  const onFileIds = householdsHolding(sqlite, households);
  const findId = (id: string) => onFileIds.get(id);
  const book = new AddressBook(sqlite);
  const choices = applyChoices(new AddressBook(sqlite), households, given);
  const res: Resolution = { toCreate: [], existing: 0, newVillages: [], newGroups: [], choices };
  const pending = new Set(choices.filter((c) => !c.chosen).map((c) => c.key));
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
    res.toCreate.push(hh);
    if (pending.has(hh.village)) continue; // listed under choices until the clerk answers
    const p = book.plan(hh.village, pending.has(`${book.village(hh.village)?.name}/${hh.group}`) ? '' : hh.group);
    if (p.newVillage) res.newVillages.push(hh.village);
    if (p.newGroup) res.newGroups.push(`${book.village(hh.village)!.name}${hh.group}`);
  }
  return res;
}

/**
 * Finds roster places close to (but not the same as) existing ones and applies the clerk's choices to the planned
 * households: { use: existing name } moves them there, { create: true } keeps the roster's name (a new place).
 * Returns every such place, answered or not; a choice naming a place that does not exist is refused.
 */
function applyChoices(book: AddressBook, households: PlannedHousehold[], given: PlaceChoices): PlaceChoice[] {
  const found = new Map<string, PlaceChoice>();
  const existingVillages = [...book.villages.values()].filter((v) => v.id !== null).map((v) => v.name);
  for (const hh of households) {
    if (!hh.members.length || !hh.village) continue;
    let v = book.village(hh.village);
    if (!v) {
      const c = note(found, 'village', hh.village, hh.village, '', () => nearest(hh.village, existingVillages, villageKey), hh, given);
      if (c?.chosen && 'use' in c.chosen) { hh.village = c.chosen.use; v = book.village(hh.village); }
    }
    if (!v || !hh.group) continue;
    if (!v.groups.has(hh.group)) {
      const groups = [...v.groups.keys()];
      const c = note(found, 'group', `${v.name}/${hh.group}`, hh.group, v.name, () => nearest(hh.group, groups, (g) => g), hh, given);
      if (c?.chosen && 'use' in c.chosen) hh.group = c.chosen.use;
    }
  }
  for (const c of found.values()) {
    if (!c.chosen || !('use' in c.chosen)) continue;
    const ok = c.kind === 'village' ? book.village(c.chosen.use)?.id != null : book.village(c.village)?.groups.has(c.chosen.use);
    if (!ok) throw new AppError('VALIDATION', `所选的${c.kind === 'village' ? '村/居' : '组'}“${c.chosen.use}”不存在，请重新选择“${c.name}”的对应`);
  }
  return [...found.values()];
}

function note(found: Map<string, PlaceChoice>, kind: PlaceChoice['kind'], key: string, name: string, village: string,
  near: () => string[], hh: PlannedHousehold, given: PlaceChoices): PlaceChoice | null {
  let c = found.get(key);
  if (!c) {
    const candidates = near();
    if (!candidates.length) return null;
    c = { kind, key, name, village, candidates, households: 0, firstRow: { sheet: hh.sheet, row: hh.row }, chosen: given[key] ?? null };
    found.set(key, c);
  }
  c.households++;
  return c;
}

/**
 * Existing names one character from the roster's (two for names of four or more), compared without the 村/社区 suffix.
 * Names that differ only in their digits (3组 / 4组, 村1 / 村2) are different places, not typos.
 */
export function nearest(name: string, existing: string[], key: (s: string) => string): string[] {
  const a = [...key(name)];
  const digitless = (s: string) => s.replace(/[\d一二三四五六七八九十]+/g, '#');
  return existing
    .map((e) => ({ e, d: distance(a, [...key(e)]) }))
    .filter(({ e, d }) => d > 0 && d <= (a.length >= 4 ? 2 : 1) && a.length >= 2 && digitless(key(e)) !== digitless(key(name)))
    .sort((x, y) => x.d - y.d)
    .slice(0, 3)
    .map(({ e }) => e);
}

function distance(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Which of the roster's IDs are already on file, and in which household: one indexed query per 5,000 IDs instead
 * of a lookup per member (the same rule as store.idHolder: one person, one file, in any household and any state).
 */
function householdsHolding(sqlite: Database.Database, households: PlannedHousehold[]): Map<string, number> {
  const ids = households.flatMap((h) => h.members.map((m) => m.idNumber));
  const held = new Map<string, number>();
  const st = prepared(sqlite, 'SELECT id_number AS id, household_id AS hh FROM members WHERE id_number IN (SELECT value FROM json_each(?))');
  for (let i = 0; i < ids.length; i += 5000) {
    for (const r of st.all(JSON.stringify(ids.slice(i, i + 5000))) as { id: string; hh: number }[]) if (!held.has(r.id)) held.set(r.id, r.hh);
  }
  return held;
}
