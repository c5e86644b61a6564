import type Database from 'better-sqlite3';
import type { LedgerContext, LedgerDef } from './registry';
import type { LedgerColumn, LedgerRow, LedgerSheet } from './xlsx';
import { periodLabel } from './period';
import { payrollFor } from '../payroll/snapshot';
import type { Payroll } from '../payroll/compute';

/**
 * 低保对象花名册: the households paid in the month, read from the month's payroll — as frozen at 锁定 when the
 * month is closed (a later decision never changes a closed month's roster), otherwise computed from the decisions in
 * force — in the payroll's order (village, group), with a member sheet. The household sheet and the member sheet of
 * one export share one payroll (ledgerSheets passes both the same context object).
 */
const payrollOfExport = new WeakMap<LedgerContext, Payroll>();
function exportPayroll(sqlite: Database.Database, c: LedgerContext): Payroll {
  let p = payrollOfExport.get(c);
  if (!p) payrollOfExport.set(c, (p = payrollFor(sqlite, c.period)));
  return p;
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

function* householdRows(sqlite: Database.Database, c: LedgerContext): Generator<LedgerRow> {
  for (const l of exportPayroll(sqlite, c).lines) {
    yield {
      seq: l.seq, township: c.township.name, village: l.village, group: l.grp, headName: l.headName, headId: l.headId,
      certificateNo: l.certificateNo, category: l.category, cause: l.cause, family: l.family, covered: l.covered,
      amount: l.baseFen, topUp: l.topUpFen, total: l.baseFen + l.topUpFen, startMonth: l.startMonth, bankName: l.bankName, bankAccount: l.bankAccount,
    };
  }
}

/** The first listed cause of poverty ('其他' when none was recorded). */
export function primaryCause(causesJson: string): string {
  try { const list = JSON.parse(causesJson) as string[]; return list[0] ?? '其他'; } catch { return '其他'; }
}

function* memberRows(sqlite: Database.Database, c: LedgerContext): Generator<LedgerRow> {
  const p = exportPayroll(sqlite, c);
  const lineOf = new Map(p.lines.map((l) => [l.seq, l]));
  let seq = 0;
  for (const m of p.persons) {
    const h = lineOf.get(m.lineSeq)!;
    yield {
      seq: ++seq, village: h.village, group: h.grp, headName: h.headName, name: m.name, idNumber: m.idNumber,
      relation: m.relation, sex: m.sex, birth: m.birthDate.slice(0, 7), health: m.health,
      disability: m.disability ? `${m.disability}${m.disabilityGrade ? `${m.disabilityGrade}级` : ''}` : '',
      labour: m.labour, category: h.category, covered: m.covered ? '是' : '否',
    };
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
  tables: ['households', 'members', 'payroll_lines'],
};
