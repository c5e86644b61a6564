import type Database from 'better-sqlite3';
import { PAID_STATUSES } from '../../domain/glossary';
import { SUPERVISION_LISTS, deadStillCovered, duplicatePersons, type DeathRow, type Finding, type PersonRow, type SupervisionList } from '../../domain/supervisionRules';
import { caseRows } from '../supervision/cases';

const paidIn = PAID_STATUSES.map((s) => `'${s}'`).join(',');

/** The four digital-supervision lists on local data, each finding with links to its households. */
export function supervisionLists(sqlite: Database.Database, today: string) {
  const people = sqlite.prepare(`SELECT m.id AS memberId, m.household_id AS householdId, m.name, m.id_number AS idNumber,
    m.birth_date AS birthDate, m.sex, m.state, h.category, h.status AS householdStatus
    FROM members m JOIN households h ON h.id = m.household_id WHERE h.status IN (${paidIn})`).all() as PersonRow[];
  const deaths = sqlite.prepare(`SELECT m.household_id AS householdId, m.name, m.death_date AS deathDate, h.status AS householdStatus,
    (SELECT MAX(r.date) FROM recheck_records r WHERE r.household_id = m.household_id) AS lastRecheckDate
    FROM members m JOIN households h ON h.id = m.household_id WHERE m.state = '死亡' AND m.death_date IS NOT NULL`).all() as DeathRow[];
  const findings: Finding[] = [...duplicatePersons(people), ...deadStillCovered(deaths, PAID_STATUSES, today), ...unfiledRelatives(sqlite)];
  const heads = headNames(sqlite, [...new Set(findings.flatMap((f) => f.householdIds))]);
  return (Object.keys(SUPERVISION_LISTS) as SupervisionList[]).map((key) => ({
    key, label: SUPERVISION_LISTS[key],
    findings: findings.filter((f) => f.list === key).map((f) => ({
      ...f, links: f.householdIds.map((id) => ({ householdId: id, headName: heads.get(id) ?? '', href: `#/households/${id}` })),
    })),
  }));
}

/** A paid household with a near relative of staff whose case has no filing date (supervision feature's registry). */
function unfiledRelatives(sqlite: Database.Database): Finding[] {
  const { rows } = caseRows(sqlite, { page: 1, pageSize: 10_000, search: '', filter: 'unfiled', sort: 'village' });
  return rows.filter((r) => (PAID_STATUSES as readonly string[]).includes(r.householdStatus)).map((r) => ({
    list: 'relativeNotFiled' as const, householdIds: [r.householdId], person: r.memberName,
    detail: `${r.staffName}（${r.staffPost || r.staffKind}）之${r.relation}，未单独登记备案`,
  }));
}

function headNames(sqlite: Database.Database, ids: number[]): Map<number, string> {
  if (!ids.length) return new Map();
  const rows = sqlite.prepare(`SELECT h.id, m.name FROM households h LEFT JOIN members m ON m.id = h.head_member_id
    WHERE h.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as { id: number; name: string | null }[];
  return new Map(rows.map((r) => [r.id, r.name ?? '']));
}
