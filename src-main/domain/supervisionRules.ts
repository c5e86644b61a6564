/**
 * Digital supervision on the township's own data (seeds 002, 003): the checks the county runs on province data,
 * run early at home. Pure: the caller supplies the rows; each finding links to its households.
 */
import { addMonths } from './recheckSchedule';

export const SUPERVISION_LISTS = {
  duplicate: '同一人在两户享受保障',
  dibaoAndTekun: '同时享受低保和特困供养',
  deadCovered: '死亡超过3个月仍在保',
  relativeNotFiled: '近亲属享受低保未备案',
} as const;
export type SupervisionList = keyof typeof SUPERVISION_LISTS;

export interface Finding { list: SupervisionList; householdIds: number[]; person: string; detail: string }

export interface PersonRow {
  memberId: number; householdId: number; name: string; idNumber: string; birthDate: string; sex: string;
  state: string; category: string; householdStatus: string;
}

const isTekun = (category: string) => category.startsWith('特困');
const isDibao = (category: string) => category === '城市低保' || category === '农村低保';

/**
 * One person found in two or more paid households: by 身份证号, or by name + sex + birth date (an ID typed
 * differently in the two files). Split into 低保+特困 (seed 003: 低保对象重复纳入特困供养) and plain duplicates.
 */
export function duplicatePersons(rows: PersonRow[]): Finding[] {
  const living = rows.filter((r) => r.state === '在户');
  const groups = new Map<string, PersonRow[]>();
  const add = (key: string, r: PersonRow) => groups.set(key, [...(groups.get(key) ?? []), r]);
  for (const r of living) { add(`id:${r.idNumber}`, r); add(`p:${r.name}|${r.sex}|${r.birthDate}`, r); }
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const [key, group] of groups) {
    const households = [...new Set(group.map((g) => g.householdId))].sort((a, b) => a - b);
    if (households.length < 2) continue;
    const sig = households.join(',') + group[0].name;
    if (seen.has(sig)) continue;
    seen.add(sig);
    const both = group.some((g) => isTekun(g.category)) && group.some((g) => isDibao(g.category));
    const how = key.startsWith('id:') ? '身份证号相同' : '姓名、性别、出生日期相同';
    out.push({ list: both ? 'dibaoAndTekun' : 'duplicate', householdIds: households, person: group[0].name,
      detail: `${how}：${group.map((g) => `${g.category}（户 ${g.householdId}）`).join('、')}` });
  }
  return out;
}

export interface DeathRow { householdId: number; name: string; deathDate: string; householdStatus: string; lastRecheckDate: string | null }

/** A dead member whose household is still paid more than 3 months after the death, with no recheck since. */
export function deadStillCovered(rows: DeathRow[], paidStatuses: readonly string[], today: string): Finding[] {
  return rows
    .filter((r) => paidStatuses.includes(r.householdStatus) && addMonths(r.deathDate, 3) < today
      && !(r.lastRecheckDate && r.lastRecheckDate >= r.deathDate))
    .map((r) => ({ list: 'deadCovered' as const, householdIds: [r.householdId], person: r.name,
      detail: `${r.deathDate} 死亡，超过 3 个月未复核退出，户仍为${r.householdStatus}` }));
}
