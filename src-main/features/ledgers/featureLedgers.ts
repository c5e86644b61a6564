import type Database from 'better-sqlite3';
import type { LedgerContext, LedgerDef } from './registry';
import type { LedgerColumn } from './xlsx';
import { monthEnd, monthStart } from './period';
import { payrollFor } from '../payroll/snapshot';

/**
 * Ledgers whose data other features record (supervision, rechecks). They are small registers, read with one
 * query each; a ledger whose tables are missing is simply unavailable (registry.ledgerAvailable).
 */
const seqCol: LedgerColumn = { key: 'seq', header: '序号', kind: 'int', width: 6 };
const yearStart = (c: LedgerContext) => `${c.period.slice(0, 4)}-01-01`;

function numbered<T extends object>(rows: T[]): (T & { seq: number })[] {
  return rows.map((r, i) => ({ ...r, seq: i + 1 }));
}

const all = (sqlite: Database.Database, sql: string, ...params: unknown[]) =>
  numbered(sqlite.prepare(sql).all(...params) as Record<string, string | number | null>[]);

const HOUSEHOLD_JOIN = `JOIN households h ON h.id = x.household_id JOIN regions v ON v.id = h.village_id
  LEFT JOIN members hm ON hm.id = h.head_member_id`;

/**
 * The households of the month's payroll (frozen when the month is closed): a register of cases lists the cases of
 * that month — a near relative found after the month still belongs to a household paid in it.
 */
function paidHouseholds(sqlite: Database.Database, c: LedgerContext): number[] {
  return payrollFor(sqlite, c.period).lines.map((l) => l.householdId).filter((id): id is number => id !== null);
}

export const relativesLedger: LedgerDef = {
  name: 'relatives', title: '近亲属备案台账', tables: ['relative_matches', 'staff_relatives', 'supervised_staff'],
  columns: [seqCol, { key: 'village', header: '村（居）', width: 10 }, { key: 'headName', header: '户主姓名', width: 8 },
    { key: 'name', header: '享受人员姓名', width: 8 }, { key: 'idNumber', header: '享受人员身份证号', width: 20 },
    { key: 'category', header: '保障类别', width: 10 }, { key: 'staffName', header: '工作人员姓名', width: 8 },
    { key: 'staffKind', header: '人员类别', width: 12 }, { key: 'post', header: '单位及职务', width: 16 },
    { key: 'relation', header: '亲属关系', width: 6 }, { key: 'filingNo', header: '备案编号', width: 10 },
    { key: 'filedDate', header: '报县备案日期', width: 10 }, { key: 'visitDate', header: '县级入户核查日期', width: 10 }],
  rows: (sqlite, c) => all(sqlite, `SELECT v.name AS village, hm.name AS headName, m.name, m.id_number AS idNumber, h.category,
      s.name AS staffName, s.kind AS staffKind, trim(s.unit || ' ' || s.post) AS post, r.relation, x.filing_no AS filingNo,
      x.filed_date AS filedDate, x.county_visit_date AS visitDate
    FROM relative_matches x JOIN staff_relatives r ON r.id = x.relative_id JOIN supervised_staff s ON s.id = r.staff_id
    JOIN members m ON m.id = x.member_id ${HOUSEHOLD_JOIN}
    WHERE (x.household_id IN (SELECT value FROM json_each(?)) OR substr(x.matched_at, 1, 10) BETWEEN ? AND ?)
      AND (r.removed_at IS NULL OR substr(r.removed_at, 1, 10) > ?) ORDER BY v.sort, x.id`,
  JSON.stringify(paidHouseholds(sqlite, c)), monthStart(c.period), monthEnd(c.period), monthEnd(c.period)),
};

export const governanceLedger: LedgerDef = {
  name: 'governance', title: '专项治理工作台账', tables: ['governance_tasks', 'governance_ledgers'],
  columns: [seqCol, { key: 'section', header: '类别', width: 10 }, { key: 'title', header: '工作任务', width: 24 },
    { key: 'content', header: '工作内容', width: 30 }, { key: 'deadline', header: '完成时限', width: 10 },
    { key: 'responsible', header: '责任人', width: 8 }, { key: 'status', header: '状态', width: 6 },
    { key: 'progress', header: '工作进展', width: 30 }, { key: 'evidence', header: '佐证材料', width: 16 }],
  rows: (sqlite, c) => all(sqlite, `SELECT t.section, t.title, t.content, COALESCE(t.deadline, t.deadline_note) AS deadline, t.responsible,
      t.status, t.progress, t.evidence FROM governance_tasks t JOIN governance_ledgers l ON l.id = t.ledger_id
    WHERE l.year = ? ORDER BY l.id, t.seq`, Number(c.period.slice(0, 4))),
};

export const complaintsLedger: LedgerDef = {
  name: 'complaints', title: '信访举报台账', tables: ['complaints'],
  columns: [seqCol, { key: 'receivedDate', header: '受理日期', width: 10 }, { key: 'channel', header: '来源', width: 6 },
    { key: 'reporter', header: '反映人', width: 8 }, { key: 'content', header: '反映内容', width: 36 },
    { key: 'handler', header: '承办人', width: 8 }, { key: 'deadline', header: '办理时限', width: 10 },
    { key: 'result', header: '办理结果', width: 24 }, { key: 'closedDate', header: '办结日期', width: 10 },
    { key: 'transferred', header: '移交纪检监察', width: 16 }],
  rows: (sqlite, c) => all(sqlite, `SELECT received_date AS receivedDate, channel, CASE WHEN anonymous THEN '匿名' ELSE reporter_name END AS reporter,
      content, handler, deadline, result, closed_date AS closedDate,
      CASE WHEN transferred_date IS NULL THEN '' ELSE transferred_date || ' ' || transferred_to END AS transferred
    FROM complaints WHERE received_date BETWEEN ? AND ? ORDER BY received_date, id`, yearStart(c), monthEnd(c.period)),
};

export const cardCustodyLedger: LedgerDef = {
  name: 'cardCustody', title: '银行卡代管登记', tables: ['card_custody'],
  columns: [seqCol, { key: 'village', header: '村（居）', width: 10 }, { key: 'headName', header: '户主姓名', width: 8 },
    { key: 'cardholder', header: '持卡人', width: 8 }, { key: 'bankName', header: '开户银行', width: 12 },
    { key: 'holderName', header: '代管人', width: 8 }, { key: 'holderId', header: '代管人身份证号', width: 20 },
    { key: 'holderRelation', header: '与持卡人关系', width: 8 }, { key: 'staff', header: '是否工作人员或村干部', width: 6 },
    { key: 'reason', header: '代管原因', width: 20 }, { key: 'startDate', header: '起始日期', width: 10 },
    { key: 'endDate', header: '终止日期', width: 10 }, { key: 'filedDate', header: '报县备案日期', width: 10 }],
  rows: (sqlite, c) => all(sqlite, `SELECT v.name AS village, hm.name AS headName, COALESCE(cm.name, hm.name) AS cardholder, x.bank_name AS bankName,
      x.holder_name AS holderName, x.holder_id_number AS holderId, x.holder_relation AS holderRelation,
      CASE WHEN x.holder_is_staff THEN '是' ELSE '否' END AS staff, x.reason, x.start_date AS startDate, x.end_date AS endDate,
      x.filed_date AS filedDate
    FROM card_custody x ${HOUSEHOLD_JOIN} LEFT JOIN members cm ON cm.id = x.member_id
    WHERE x.start_date <= ? AND (x.end_date IS NULL OR x.end_date >= ?) ORDER BY v.sort, x.id`, monthEnd(c.period), monthStart(c.period)),
};

export const suspectsLedger: LedgerDef = {
  name: 'suspects', title: '疑点核查反馈', tables: ['suspect_tasks', 'suspect_imports'],
  columns: [seqCol, { key: 'village', header: '村（居）', width: 10 }, { key: 'name', header: '姓名', width: 8 },
    { key: 'idNumber', header: '身份证号', width: 20 }, { key: 'reason', header: '疑点内容', width: 24 },
    { key: 'result', header: '核查结果', width: 8 }, { key: 'action', header: '处理措施', width: 24 },
    { key: 'checker', header: '核查人', width: 8 }, { key: 'checkDate', header: '核查日期', width: 10 },
    { key: 'source', header: '疑点来源', width: 16 }],
  rows: (sqlite, c) => all(sqlite, `SELECT v.name AS village, x.name, x.id_number AS idNumber, x.suspect_reason AS reason, COALESCE(x.result, '待核查') AS result,
      x.action, x.checker, x.check_date AS checkDate, i.county || ' ' || i.file_name AS source
    FROM suspect_tasks x JOIN suspect_imports i ON i.id = x.import_id ${HOUSEHOLD_JOIN}
    WHERE substr(i.imported_at, 1, 10) <= ? ORDER BY x.import_id, x.row_no`, monthEnd(c.period)),
};

export const rechecksLedger: LedgerDef = {
  name: 'rechecks', title: '复核结果', tables: ['recheck_records'],
  columns: [seqCol, { key: 'village', header: '村（居）', width: 10 }, { key: 'headName', header: '户主姓名', width: 8 },
    { key: 'headId', header: '户主身份证号', width: 20 }, { key: 'category', header: '保障类别', width: 10 },
    { key: 'kind', header: '复核类型', width: 8 }, { key: 'date', header: '复核日期', width: 10 },
    { key: 'outcome', header: '复核结果', width: 6 }, { key: 'findings', header: '复核情况', width: 30 },
    { key: 'checkedBy', header: '复核人', width: 8 }],
  rows: (sqlite, c) => all(sqlite, `SELECT v.name AS village, hm.name AS headName, hm.id_number AS headId, h.category, x.kind, x.date, x.outcome,
      x.findings, x.checked_by AS checkedBy
    FROM recheck_records x ${HOUSEHOLD_JOIN} WHERE x.date BETWEEN ? AND ? ORDER BY x.date, x.id`, yearStart(c), monthEnd(c.period)),
};

export const featureLedgers: LedgerDef[] = [relativesLedger, governanceLedger, complaintsLedger, cardCustodyLedger, suspectsLedger, rechecksLedger];
