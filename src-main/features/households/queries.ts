import type Database from 'better-sqlite3';
import { classifyIdQuery, ageOn } from '../../domain/idNumber';
import { maskAccount } from '../../ipc/mask';
import { notFound } from '../../ipc/errors';
import type { ListInput } from './schemas';
import { prepared } from '../../db/prepared';

/** Upper bound for prefix ranges: above every UTF-8 string that starts with the prefix, so the index is used. */
const TOP = '\u{10FFFF}';

/** Derived filters computed from members (stored flags live in households.flags). */
export const DERIVED_FLAGS: Record<string, string> = {
  有重病成员: "EXISTS (SELECT 1 FROM members f WHERE f.household_id = h.id AND f.state = '在户' AND f.health IN ('重病', '残疾且患病'))",
  有残疾成员: "EXISTS (SELECT 1 FROM members f WHERE f.household_id = h.id AND f.state = '在户' AND f.disability_grade IS NOT NULL)",
};

/** The member sub-query a search string means: full ID, ID suffix, pinyin, or a name prefix. */
export function memberMatch(q: string): { sql: string; args: unknown[] } {
  const idq = classifyIdQuery(q);
  if (idq.kind === 'full') return { sql: 'SELECT household_id FROM members WHERE id_number = ?', args: [idq.id] };
  if (idq.kind === 'suffix') {
    const n = idq.digits.length >= 6 ? 6 : 4;
    // Exactly 4 or 6 digits are answered from the covering index alone; other lengths re-check the whole suffix.
    const exact = idq.digits.length === n;
    return { sql: `SELECT household_id FROM members WHERE substr(id_number, -${n}) = ?${exact ? '' : ' AND id_number LIKE ?'}`,
      args: exact ? [idq.digits] : [idq.digits.slice(-n), `%${idq.digits}`] };
  }
  if (/^[a-zA-Z]+$/.test(q)) {
    const p = q.toLowerCase();
    return { sql: `SELECT household_id FROM members WHERE pinyin_initials >= ? AND pinyin_initials < ?
      UNION ALL SELECT household_id FROM members WHERE pinyin_full >= ? AND pinyin_full < ?`, args: [p, p + TOP, p, p + TOP] };
  }
  return { sql: 'SELECT household_id FROM members WHERE name >= ? AND name < ?', args: [q, q + TOP] };
}

/**
 * Every household the search box matches: a member matches (memberMatch) or the household's village name contains
 * the text. One list of household ids (with repeats; the column is household_id), so it can be counted and paged
 * from the members indexes alone.
 */
function searchSet(sqlite: Database.Database, q: string): { sql: string; args: unknown[] } {
  const m = memberMatch(q);
  const villages = prepared(sqlite, "SELECT id FROM regions WHERE level = 'village' AND instr(name, ?) > 0").pluck().all(q) as number[];
  // the village ids are bound, not written into the SQL: the text stays one of two, so the cache of prepared
  // statements (held per connection, native memory) does not grow with every village set a search has matched
  if (!villages.length) return m;
  return { sql: `${m.sql} UNION ALL SELECT id FROM households WHERE village_id IN (SELECT value FROM json_each(?))`,
    args: [...m.args, JSON.stringify(villages)] };
}

function whereClause(i: ListInput, search: { sql: string; args: unknown[] } | null): { sql: string; args: unknown[] } {
  const parts: string[] = [];
  const args: unknown[] = [];
  if (search) { parts.push(`h.id IN (${search.sql})`); args.push(...search.args); }
  if (i.category) { parts.push('h.category = ?'); args.push(i.category); }
  if (i.status) { parts.push('h.status = ?'); args.push(i.status); }
  if (i.villageId) { parts.push('h.village_id = ?'); args.push(i.villageId); }
  if (i.flag) {
    // own keys only: a flag named "constructor" must not pull Object.prototype's function into the SQL
    if (Object.hasOwn(DERIVED_FLAGS, i.flag)) parts.push(DERIVED_FLAGS[i.flag]);
    else { parts.push('EXISTS (SELECT 1 FROM json_each(h.flags) WHERE value = ?)'); args.push(i.flag); }
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

const ORDER: Record<ListInput['sort'], { join: string; expr: string }> = {
  id: { join: '', expr: 'h.id' },
  head: { join: '', expr: 'h.head_pinyin' }, // the head's pinyin_full, kept by triggers: sorted from an index
  village: { join: 'LEFT JOIN regions rv ON rv.id = h.village_id', expr: 'rv.sort' },
  category: { join: '', expr: 'h.category' },
  status: { join: '', expr: 'h.status' },
  startMonth: { join: '', expr: 'h.start_month' },
  amount: { join: '', expr: '(h.monthly_amount_fen + h.top_up_fen)' },
};

export interface HouseholdListRow {
  id: number; headName: string; headIdNumber: string; village: string; group: string; category: string; status: string;
  familySize: number; coveredSize: number; monthlyFen: number; startMonth: string | null; certificateNo: string | null; flags: string[];
}

/**
 * One page of households, filtered and sorted in SQL; details are read only for the rows on the page.
 * County scale (a million members): a search alone is counted and, sorted by id, paged from the members indexes
 * (COUNT(DISTINCT) over index entries; probing 40,000 household rows took 200 ms); the list without a search is
 * counted and paged from the households indexes (status, village + status, head's pinyin), never by sorting all rows.
 */
export function listHouseholds(sqlite: Database.Database, i: ListInput): { total: number; rows: HouseholdListRow[] } {
  const search = i.q ? searchSet(sqlite, i.q) : null;
  const w = whereClause(i, search);
  const onlySearch = search !== null && !i.category && !i.status && !i.villageId && !i.flag;
  const dir = i.dir === 'asc' ? 'ASC' : 'DESC';
  const limit = [i.pageSize, i.page * i.pageSize];
  const total = onlySearch
    ? (prepared(sqlite, `SELECT COUNT(DISTINCT household_id) FROM (${search.sql})`).pluck().get(...search.args) as number)
    : (prepared(sqlite, `SELECT COUNT(*) FROM households h ${w.sql}`).pluck().get(...w.args) as number);
  let ids: number[];
  if (onlySearch && i.sort === 'id') {
    ids = prepared(sqlite, `SELECT DISTINCT household_id FROM (${search.sql}) ORDER BY household_id ${dir} LIMIT ? OFFSET ?`)
      .pluck().all(...search.args, ...limit) as number[];
  } else {
    const o = ORDER[i.sort];
    ids = prepared(sqlite, `SELECT h.id FROM households h ${o.join} ${w.sql} ORDER BY ${o.expr} ${dir}, h.id ${dir} LIMIT ? OFFSET ?`)
      .pluck().all(...w.args, ...limit) as number[];
  }
  return { total, rows: householdRows(sqlite, ids) };
}

export function householdRows(sqlite: Database.Database, ids: number[]): HouseholdListRow[] {
  if (ids.length === 0) return [];
  // prepared once per page size (at most 500 variants), not compiled again for every page of a search
  const rows = prepared(sqlite, `SELECT h.id, COALESCE(hm.name, '') AS headName, COALESCE(hm.id_number, '') AS headIdNumber,
      COALESCE(rv.name, '') AS village, COALESCE(rg.name, '') AS "group", h.category, h.status, h.start_month AS startMonth,
      h.certificate_no AS certificateNo, h.monthly_amount_fen + h.top_up_fen AS monthlyFen, h.flags,
      (SELECT COUNT(*) FROM members m WHERE m.household_id = h.id AND m.state = '在户') AS familySize,
      (SELECT COUNT(*) FROM members m WHERE m.household_id = h.id AND m.state = '在户' AND m.covered = 1) AS coveredSize
    FROM households h LEFT JOIN members hm ON hm.id = h.head_member_id
    LEFT JOIN regions rv ON rv.id = h.village_id LEFT JOIN regions rg ON rg.id = h.group_id
    WHERE h.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as (Omit<HouseholdListRow, 'flags'> & { flags: string })[];
  const byId = new Map(rows.map((r) => [r.id, { ...r, flags: JSON.parse(r.flags) as string[] }]));
  return ids.map((x) => byId.get(x)!).filter(Boolean);
}

export interface HouseholdRow {
  id: number; certificate_no: string | null; category: string; status: string; village_id: number; group_id: number | null;
  address: string; head_member_id: number | null; cover_mode: string; start_month: string | null; causes: string;
  housing: string; vehicles: string; property_notes: string; bank_name: string; bank_account: string;
  monthly_amount_fen: number; top_up_fen: number; flags: string; exited_at: string | null; edge_family: number;
  created_at: string; updated_at: string;
}
export interface MemberRow {
  id: number; household_id: number; name: string; id_number: string; sex: string; birth_date: string; relation: string;
  covered: number; health: string; illness_type: string; disability_type: string; disability_grade: number | null;
  disability_cert_no: string; labour_capacity: string; employment: string; school: string; hukou: string; phone: string;
  state: string; death_date: string | null; left_date: string | null;
}

export function getHouseholdRow(sqlite: Database.Database, id: number): HouseholdRow {
  const h = sqlite.prepare('SELECT * FROM households WHERE id = ?').get(id) as HouseholdRow | undefined;
  if (!h) throw notFound('户档案', id);
  return h;
}

export function getMemberRow(sqlite: Database.Database, id: number): MemberRow {
  const m = sqlite.prepare('SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
  if (!m) throw notFound('家庭成员', id);
  return m;
}

const maskPhone = (p: string) => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : p);

/** The household page: facts, members with derived age, income items, timeline. Sensitive fields masked unless allowed. */
export function householdDetail(sqlite: Database.Database, id: number, opts: { sensitive: boolean; today: string }) {
  const h = getHouseholdRow(sqlite, id);
  const region = (rid: number | null) => (rid ? (sqlite.prepare('SELECT name FROM regions WHERE id = ?').get(rid) as { name: string } | undefined)?.name ?? '' : '');
  const members = (sqlite.prepare('SELECT * FROM members WHERE household_id = ? ORDER BY state = \'在户\' DESC, id').all(id) as MemberRow[]);
  const incomes = sqlite.prepare(`SELECT i.id, i.member_id AS memberId, i.type, i.monthly_fen AS monthlyFen, i.excluded, i.deducted, i.note, i.active
    FROM income_items i JOIN members m ON m.id = i.member_id WHERE m.household_id = ? ORDER BY i.id`).all(id) as
    { id: number; memberId: number; type: string; monthlyFen: number; excluded: number; deducted: number; note: string; active: number }[];
  const events = sqlite.prepare(`SELECT e.id, e.type, e.date, e.reason, e.operator, e.payload, e.created_at AS createdAt, e.member_id AS memberId,
    m.name AS memberName FROM household_events e LEFT JOIN members m ON m.id = e.member_id WHERE e.household_id = ? ORDER BY e.date DESC, e.id DESC`)
    .all(id) as { id: number; type: string; date: string; reason: string; operator: string; payload: string; createdAt: string; memberId: number | null; memberName: string | null }[];
  const present = members.filter((m) => m.state === '在户');
  return {
    id: h.id, certificateNo: h.certificate_no, category: h.category, status: h.status,
    villageId: h.village_id, groupId: h.group_id, village: region(h.village_id), group: region(h.group_id),
    address: h.address, headMemberId: h.head_member_id, coverMode: h.cover_mode, startMonth: h.start_month,
    causes: JSON.parse(h.causes) as string[], housing: h.housing, vehicles: h.vehicles, propertyNotes: h.property_notes,
    bankName: h.bank_name, bankAccount: opts.sensitive ? h.bank_account : maskAccount(h.bank_account), bankMasked: !opts.sensitive,
    monthlyFen: h.monthly_amount_fen, topUpFen: h.top_up_fen, flags: JSON.parse(h.flags) as string[], exitedAt: h.exited_at,
    edgeFamily: !!h.edge_family, familySize: present.length, coveredSize: present.filter((m) => m.covered).length,
    members: members.map((m) => ({
      id: m.id, name: m.name, idNumber: m.id_number, sex: m.sex, birthDate: m.birth_date, age: ageOn(m.birth_date, opts.today),
      relation: m.relation, covered: !!m.covered, health: m.health, illnessType: m.illness_type, disabilityType: m.disability_type,
      disabilityGrade: m.disability_grade, disabilityCertNo: m.disability_cert_no, labourCapacity: m.labour_capacity,
      employment: m.employment, school: m.school, hukou: m.hukou, phone: opts.sensitive ? m.phone : maskPhone(m.phone),
      state: m.state, deathDate: m.death_date, leftDate: m.left_date, isHead: m.id === h.head_member_id,
    })),
    incomes: incomes.map((x) => ({ ...x, excluded: !!x.excluded, deducted: !!x.deducted, active: !!x.active })),
    timeline: events.map((e) => ({ ...e, payload: JSON.parse(e.payload) as Record<string, unknown> })),
  };
}
export type HouseholdDetail = ReturnType<typeof householdDetail>;
