import type Database from 'better-sqlite3';
import { addMonths } from '../../../domain/payroll';
import type { PayLine, PayPerson } from '../compute';
import type { HistoryProblem, HistoryRow } from './parse';

type Sqlite = Database.Database;

/** A month of the file, ready to freeze: its lines in file order and the members of their households. */
export interface HistoryMonth { period: string; lines: PayLine[]; persons: PayPerson[] }

interface Person { id_number: string; name: string; household_id: number }
interface HouseholdFacts {
  id: number; category: string; causes: string; start_month: string | null; bank_name: string; bank_account: string;
  certificate_no: string | null; village: string; grp: string | null;
}
interface MemberFacts {
  household_id: number; name: string; id_number: string; relation: string; sex: string; birth_date: string; health: string;
  disability_type: string; disability_grade: number | null; labour_capacity: string; covered: number;
}

/**
 * Matches every row to a person of the township and checks the months: each bad row is reported with its sheet,
 * row and column, and the caller imports nothing if any problem is found. `thisMonth` is the office's current month.
 */
export function resolveHistory(sqlite: Sqlite, rows: HistoryRow[], thisMonth: string, fileName: string) {
  const problems: HistoryProblem[] = [];
  const at = (r: HistoryRow, column: string, reason: string) => problems.push({ sheet: r.sheet, row: r.row, column, reason });
  const people = new Map((sqlite.prepare('SELECT id_number, name, household_id FROM members').all() as Person[]).map((p) => [p.id_number, p]));
  const closed = new Map((sqlite.prepare('SELECT period, source FROM payroll_months').all() as { period: string; source: string }[]).map((m) => [m.period, m.source]));
  const seen = new Map<string, HistoryRow>();
  const periods = new Set<string>();
  const good: { r: HistoryRow; householdId: number }[] = [];
  for (const r of rows) {
    let ok = true;
    const bad = (column: string, reason: string) => { ok = false; at(r, column, reason); };
    const p = people.get(r.idNumber);
    if (!p) bad(r.columns.id, `本镇户档案中没有身份证号为 ${maskId(r.idNumber)} 的人，请先建档或核对号码`);
    else if (r.name && r.name !== p.name) bad(r.columns.name, `姓名“${r.name}”与户档案中该身份证号的姓名“${p.name}”不符`);
    const source = closed.get(r.period);
    const monthOk = !source && r.period < thisMonth;
    if (source) bad(r.columns.period, `${r.period} 已${source === '导入' ? '导入' : '锁定'}，不能再导入`);
    else if (r.period >= thisMonth) bad(r.columns.period, `${r.period} 不是已过去的月份：历史导入只收本月以前的发放表，本月起在“发放”中计算并锁定`);
    if (p) {
      const key = `${r.period}|${p.household_id}`;
      const first = seen.get(key);
      if (first) bad(r.columns.id, `与${first.sheet === r.sheet ? '' : `工作表“${first.sheet}”`}第 ${first.row} 行重复：同一户 ${r.period} 已有一行`);
      else seen.set(key, r);
    }
    if (monthOk) periods.add(r.period);
    if (ok && p) good.push({ r, householdId: p.household_id });
  }
  problems.push(...gapProblems([...periods], [...closed.keys()]));
  return { problems, months: problems.length ? [] : buildMonths(sqlite, good, fileName) };
}

/** Imported and already closed months together must leave no gap, or 本年累计 and the month order break. */
function gapProblems(imported: string[], closed: string[]): HistoryProblem[] {
  const all = [...new Set([...imported, ...closed])].sort();
  const missing: string[] = [];
  for (let i = 1; i < all.length; i++) for (let m = addMonths(all[i - 1], 1); m < all[i]; m = addMonths(m, 1)) missing.push(m);
  if (!missing.length) return [];
  return [{ sheet: '', row: null, column: '发放月份', reason: `导入后月份不连续，缺少 ${missing.join('、')} 的发放表：请一并导入，月份之间不能有空缺` }];
}

function buildMonths(sqlite: Sqlite, good: { r: HistoryRow; householdId: number }[], fileName: string): HistoryMonth[] {
  const ids = JSON.stringify([...new Set(good.map((g) => g.householdId))]);
  const households = new Map((sqlite.prepare(`SELECT h.id, h.category, h.causes, h.start_month, h.bank_name, h.bank_account, h.certificate_no,
    v.name AS village, g.name AS grp FROM households h JOIN regions v ON v.id = h.village_id LEFT JOIN regions g ON g.id = h.group_id
    WHERE h.id IN (SELECT value FROM json_each(?))`).all(ids) as HouseholdFacts[]).map((h) => [h.id, h]));
  const members = sqlite.prepare(`SELECT household_id, name, id_number, relation, sex, birth_date, health, disability_type, disability_grade,
    labour_capacity, covered FROM members WHERE state = '在户' AND household_id IN (SELECT value FROM json_each(?)) ORDER BY household_id, id`).all(ids) as MemberFacts[];
  const byMonth = new Map<string, HistoryMonth>();
  for (const { r, householdId } of good) {
    let m = byMonth.get(r.period);
    if (!m) byMonth.set(r.period, (m = { period: r.period, lines: [], persons: [] }));
    const h = households.get(householdId)!;
    const own = members.filter((x) => x.household_id === householdId);
    const seq = m.lines.length + 1;
    m.lines.push({ seq, householdId, village: h.village, grp: h.grp ?? '', headName: r.name || own.find((x) => x.id_number === r.idNumber)?.name || '',
      headId: r.idNumber, certificateNo: h.certificate_no ?? '', category: h.category, cause: firstCause(h.causes), family: own.length,
      covered: r.covered ?? own.filter((x) => x.covered).length, status: '在保', startMonth: h.start_month ?? '', baseFen: r.baseFen, topUpFen: r.topUpFen,
      bankName: r.bankName || h.bank_name, bankAccount: r.bankAccount || h.bank_account, decisionRef: `import:${r.sheet}:${r.row}`,
      decisionLabel: `历史导入：${fileName} ${r.sheet} 第${r.row}行` });
    for (const x of own) m.persons.push({ lineSeq: seq, name: x.name, idNumber: x.id_number, relation: x.relation, sex: x.sex, birthDate: x.birth_date,
      health: x.health, disability: x.disability_type, disabilityGrade: x.disability_grade, labour: x.labour_capacity, covered: !!x.covered });
  }
  return [...byMonth.values()].sort((a, b) => a.period.localeCompare(b.period));
}

function firstCause(causesJson: string): string {
  try { return (JSON.parse(causesJson) as string[])[0] ?? '其他'; } catch { return '其他'; }
}

/** Reports can be shown on screen and kept in logs: never a full 身份证号. */
const maskId = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;
