import type Database from 'better-sqlite3';
import type { LedgerContext, LedgerDef } from './registry';
import type { LedgerColumn, LedgerRow, LedgerSheet } from './xlsx';
import { PAID_STATUSES } from '../../domain/glossary';
import { periodLabel } from './period';
import { groupBy } from './group';
import { prepared } from '../../db/prepared';

/**
 * 低保对象花名册: households receiving money in the period (在保/渐退, started by then), ordered by village and
 * group, with a member sheet. Rows are read in pages of ids so the connection is never held busy while the
 * workbook streams to disk (an open iterate() would make every other query on it throw while the writer yields).
 * Each page binds its ids as one JSON array, so each query is prepared once per connection, not once per page.
 */
const PAGE = 1000;
const PAID = PAID_STATUSES.map((s) => `'${s}'`).join(', ');

/** Ids of the households on the roster for the period, in print order. */
export function rosterHouseholdIds(sqlite: Database.Database, period: string): number[] {
  return (sqlite.prepare(`SELECT h.id FROM households h JOIN regions v ON v.id = h.village_id LEFT JOIN regions g ON g.id = h.group_id
    WHERE h.status IN (${PAID}) AND (h.start_month IS NULL OR h.start_month <= ?)
    ORDER BY v.sort, v.id, g.sort, g.id, h.id`).pluck().all(period) as number[]);
}

/**
 * The household sheet and the member sheet of one export share one id list (ledgerSheets passes both the same
 * context object): the ordered query runs once, and both sheets list the same households even if one is added
 * while the file is being written.
 */
const idsOfExport = new WeakMap<LedgerContext, number[]>();
function exportIds(sqlite: Database.Database, c: LedgerContext): number[] {
  let ids = idsOfExport.get(c);
  if (!ids) idsOfExport.set(c, (ids = rosterHouseholdIds(sqlite, c.period)));
  return ids;
}

function* pages(ids: number[]): Generator<number[]> {
  for (let i = 0; i < ids.length; i += PAGE) yield ids.slice(i, i + PAGE);
}

export const HOUSEHOLD_COLUMNS: LedgerColumn[] = [
  { key: 'seq', header: '序号', kind: 'int', width: 6 },
  { key: 'township', header: '乡镇', width: 10 },
  { key: 'village', header: '村（居）', width: 10 },
  { key: 'group', header: '组', width: 5 },
  { key: 'headName', header: '户主姓名', width: 8 },
  { key: 'headId', header: '身份证号', width: 20 },
  { key: 'certificateNo', header: '低保证号', width: 13 },
  { key: 'category', header: '保障类别', width: 12 },
  { key: 'cause', header: '主要致贫原因', width: 10 },
  { key: 'family', header: '家庭人口数', kind: 'int' },
  { key: 'covered', header: '保障人口数', kind: 'int' },
  { key: 'amount', header: '月保障金（元）', kind: 'yuan' },
  { key: 'topUp', header: '分类施保金（元）', kind: 'yuan' },
  { key: 'total', header: '合计（元）', kind: 'yuan' },
  { key: 'startMonth', header: '起始保障年月', width: 8 },
  { key: 'bankName', header: '开户银行', width: 12 },
  { key: 'bankAccount', header: '账号', width: 21 },
];

export const MEMBER_COLUMNS: LedgerColumn[] = [
  { key: 'seq', header: '序号', kind: 'int', width: 6 },
  { key: 'village', header: '村（居）', width: 10 },
  { key: 'group', header: '组', width: 5 },
  { key: 'headName', header: '户主姓名', width: 8 },
  { key: 'name', header: '姓名', width: 8 },
  { key: 'idNumber', header: '身份证号', width: 20 },
  { key: 'relation', header: '与户主关系', width: 6 },
  { key: 'sex', header: '性别', width: 3 },
  { key: 'birth', header: '出生年月', width: 8 },
  { key: 'health', header: '健康状况', width: 8 },
  { key: 'disability', header: '残疾类别等级', width: 8 },
  { key: 'labour', header: '劳动能力', width: 8 },
  { key: 'category', header: '保障类别', width: 12 },
  { key: 'covered', header: '是否保障对象', width: 4 },
];

interface HouseholdRow {
  id: number; certificate_no: string | null; category: string; causes: string; monthly_amount_fen: number; top_up_fen: number;
  start_month: string | null; bank_name: string; bank_account: string; village: string; grp: string | null;
  head_name: string | null; head_id: string | null; family: number; covered: number;
}

/** One page of households; member counts come from one grouped pass over the page's members, not two lookups per household. */
const HOUSEHOLD_PAGE_SQL = `SELECT h.id, h.certificate_no, h.category, h.causes, h.monthly_amount_fen, h.top_up_fen, h.start_month,
  h.bank_name, h.bank_account, v.name AS village, g.name AS grp, hm.name AS head_name, hm.id_number AS head_id,
  COALESCE(n.family, 0) AS family, COALESCE(n.covered, 0) AS covered
  FROM households h JOIN regions v ON v.id = h.village_id LEFT JOIN regions g ON g.id = h.group_id
  LEFT JOIN members hm ON hm.id = h.head_member_id
  LEFT JOIN (SELECT household_id, COUNT(*) AS family, SUM(covered = 1) AS covered FROM members
    WHERE household_id IN (SELECT value FROM json_each(@ids)) AND state = '在户' GROUP BY household_id) n ON n.household_id = h.id
  WHERE h.id IN (SELECT value FROM json_each(@ids))`;

function* householdRows(sqlite: Database.Database, c: LedgerContext): Generator<LedgerRow> {
  let seq = 0;
  for (const page of pages(exportIds(sqlite, c))) {
    const rows = prepared(sqlite, HOUSEHOLD_PAGE_SQL).all({ ids: JSON.stringify(page) }) as HouseholdRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of page) {
      const r = byId.get(id)!;
      yield {
        seq: ++seq, township: c.township.name, village: r.village, group: r.grp ?? '', headName: r.head_name ?? '', headId: r.head_id ?? '',
        certificateNo: r.certificate_no ?? '', category: r.category, cause: primaryCause(r.causes), family: r.family, covered: r.covered,
        amount: r.monthly_amount_fen, topUp: r.top_up_fen, total: r.monthly_amount_fen + r.top_up_fen, startMonth: r.start_month ?? '',
        bankName: r.bank_name, bankAccount: r.bank_account,
      };
    }
  }
}

/** The first listed cause of poverty ('其他' when none was recorded). */
export function primaryCause(causesJson: string): string {
  try { const list = JSON.parse(causesJson) as string[]; return list[0] ?? '其他'; } catch { return '其他'; }
}

interface MemberRow {
  household_id: number; name: string; id_number: string; relation: string; sex: string; birth_date: string; health: string;
  disability_type: string; disability_grade: number | null; labour_capacity: string; covered: number;
}
interface HouseholdInfo { id: number; category: string; village: string; grp: string | null; head_name: string | null }

const PAGE_INFO_SQL = `SELECT h.id, h.category, v.name AS village, g.name AS grp, hm.name AS head_name
  FROM households h JOIN regions v ON v.id = h.village_id LEFT JOIN regions g ON g.id = h.group_id
  LEFT JOIN members hm ON hm.id = h.head_member_id WHERE h.id IN (SELECT value FROM json_each(?))`;
const PAGE_MEMBERS_SQL = `SELECT household_id, name, id_number, relation, sex, birth_date, health, disability_type, disability_grade,
  labour_capacity, covered FROM members WHERE household_id IN (SELECT value FROM json_each(?)) AND state = '在户' ORDER BY household_id, id`;

function* memberRows(sqlite: Database.Database, c: LedgerContext): Generator<LedgerRow> {
  let seq = 0;
  for (const page of pages(exportIds(sqlite, c))) {
    const ids = JSON.stringify(page);
    // Household facts once per household, members without joins: the member sheet is the big one.
    const info = new Map((prepared(sqlite, PAGE_INFO_SQL).all(ids) as HouseholdInfo[]).map((h) => [h.id, h]));
    const byHousehold = groupBy(prepared(sqlite, PAGE_MEMBERS_SQL).all(ids) as MemberRow[], (r) => r.household_id);
    for (const id of page) {
      const h = info.get(id)!;
      for (const m of byHousehold.get(id) ?? []) {
        yield {
          seq: ++seq, village: h.village, group: h.grp ?? '', headName: h.head_name ?? '', name: m.name, idNumber: m.id_number,
          relation: m.relation, sex: m.sex, birth: m.birth_date.slice(0, 7), health: m.health,
          disability: m.disability_type ? `${m.disability_type}${m.disability_grade ? `${m.disability_grade}级` : ''}` : '',
          labour: m.labour_capacity, category: h.category, covered: m.covered ? '是' : '否',
        };
      }
    }
  }
}

export const rosterLedger: LedgerDef = {
  name: 'roster',
  title: '低保对象花名册',
  columns: HOUSEHOLD_COLUMNS,
  rows: householdRows,
  moreSheets: (sqlite, c): LedgerSheet[] => [{
    name: '家庭成员', title: `${c.township.name}低保对象家庭成员名册（${periodLabel(c.period)}）`, columns: MEMBER_COLUMNS, rows: memberRows(sqlite, c),
  }],
  tables: ['households', 'members'],
};
