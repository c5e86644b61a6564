import type Database from 'better-sqlite3';
import { addMonths, adjustmentsFor, decisionInForce, lineProblems, monthChange, stateInMonth, totalOf,
  type ChangeKind, type Decision, type PayrollProblem, type PreviousPayment } from '../../domain/payroll';
import { groupBy } from '../ledgers/group';
import { loadDecisions, type DecisionBook } from './records';

type Sqlite = Database.Database;

/** One household paid in the month, as the payroll lists it (and as a closed month freezes it). */
export interface PayLine {
  seq: number; householdId: number | null; village: string; grp: string; headName: string; headId: string; certificateNo: string;
  category: string; cause: string; family: number; covered: number; status: string; startMonth: string; baseFen: number; topUpFen: number;
  bankName: string; bankAccount: string; decisionRef: string; decisionLabel: string;
}
export interface PayPerson {
  lineSeq: number; name: string; idNumber: string; relation: string; sex: string; birthDate: string; health: string; disability: string;
  disabilityGrade: number | null; labour: string; covered: boolean;
}
export interface PayChange {
  householdId: number; kind: ChangeKind; forMonth: string; beforeFen: number; afterFen: number; amountFen: number; label: string;
  decisionRef: string; decisionLabel: string; decisionDate: string;
}
export interface PayTotals { households: number; persons: number; baseFen: number; topUpFen: number; adjustFen: number; totalFen: number }
export interface Payroll {
  period: string; closed: boolean; source: string; closedOn: string | null; closedByName: string | null; exportedAt: string | null;
  lines: PayLine[]; persons: PayPerson[]; changes: PayChange[]; totals: PayTotals;
}

interface HouseholdFacts {
  id: number; status: string; category: string; causes: string; start_month: string | null; monthly_amount_fen: number; top_up_fen: number;
  bank_name: string; bank_account: string; certificate_no: string | null; village: string; grp: string | null; head_name: string | null; head_id: string | null;
}
interface MemberFacts {
  household_id: number; name: string; id_number: string; relation: string; sex: string; birth_date: string; health: string;
  disability_type: string; disability_grade: number | null; labour_capacity: string; covered: number;
}

const HOUSEHOLDS_SQL = `SELECT h.id, h.status, h.category, h.causes, h.start_month, h.monthly_amount_fen, h.top_up_fen, h.bank_name, h.bank_account,
  h.certificate_no, v.name AS village, g.name AS grp, hm.name AS head_name, hm.id_number AS head_id
  FROM households h JOIN regions v ON v.id = h.village_id LEFT JOIN regions g ON g.id = h.group_id LEFT JOIN members hm ON hm.id = h.head_member_id
  ORDER BY v.sort, v.id, g.sort, g.id, h.id`;
const MEMBERS_SQL = `SELECT household_id, name, id_number, relation, sex, birth_date, health, disability_type, disability_grade, labour_capacity, covered
  FROM members WHERE state = '在户' ORDER BY household_id, id`;

export const labelOf = (h: { village: string; head_name: string | null }) => `${h.village} ${h.head_name ?? ''}`.trim();

/** The first listed cause of poverty ('其他' when none was recorded). */
function primaryCause(causesJson: string): string {
  try { const list = JSON.parse(causesJson) as string[]; return list[0] ?? '其他'; } catch { return '其他'; }
}

export interface ClosedMonthInfo { period: string; closedAt: string }
export const closedMonths = (sqlite: Sqlite): ClosedMonthInfo[] =>
  sqlite.prepare('SELECT period, closed_at AS closedAt FROM payroll_months ORDER BY period').all() as ClosedMonthInfo[];

/**
 * The month's payroll from the decisions in force (domain/payroll.stateInMonth), with its change lines against
 * the previous month and the 补发/扣回 lines for closed months a later decision reaches back into. Pure over the
 * database handle (reads only), so it can run in a worker.
 */
export function computePayroll(sqlite: Sqlite, period: string, book: DecisionBook = loadDecisions(sqlite)): Payroll & { problems: PayrollProblem[] } {
  const households = sqlite.prepare(HOUSEHOLDS_SQL).all() as HouseholdFacts[];
  const membersOf = groupBy(sqlite.prepare(MEMBERS_SQL).all() as MemberFacts[], (m) => m.household_id);
  const prevMonth = addMonths(period, -1);
  const prevClosed = previousFromClosed(sqlite, prevMonth);
  const closed = closedMonths(sqlite).filter((c) => c.period < period);
  const late = lateHouseholds(book, closed);
  const paidBefore = paidForClosed(sqlite, [...late.keys()]);
  const lines: PayLine[] = [];
  const persons: PayPerson[] = [];
  const changes: PayChange[] = [];
  const problems: PayrollProblem[] = [];
  const coveredIds: string[][] = [];
  for (const h of households) {
    const decisions = book.byHousehold.get(h.id) ?? [];
    const now = stateInMonth(decisions, period);
    const label = labelOf(h);
    const members = membersOf.get(h.id) ?? [];
    const prev: PreviousPayment | null = prevClosed ? (prevClosed.get(h.id) ?? null) : previousComputed(decisions, prevMonth);
    const change = monthChange(prev, now);
    const d = now.decision ?? decisionInForce(decisions, prevMonth);
    if (change) changes.push(changeOf(h.id, change.kind, period, change.beforeFen, change.afterFen, 0, label, d));
    const lateFrom = late.get(h.id);
    if (lateFrom) {
      const months = closed.map((c) => c.period).filter((m) => m >= lateFrom);
      for (const a of adjustmentsFor(decisions, paidBefore.get(h.id) ?? new Map(), months)) {
        changes.push(changeOf(h.id, a.kind, a.forMonth, a.paidFen, a.entitledFen, a.amountFen, label, a.decision));
      }
    }
    if (!now.paid) continue;
    const seq = lines.length + 1;
    const covered = members.filter((m) => m.covered);
    lines.push({ seq, householdId: h.id, village: h.village, grp: h.grp ?? '', headName: h.head_name ?? '', headId: h.head_id ?? '',
      certificateNo: h.certificate_no ?? '', category: h.category, cause: primaryCause(h.causes), family: members.length, covered: covered.length,
      status: now.status, startMonth: h.start_month ?? '', baseFen: now.baseFen, topUpFen: now.topUpFen, bankName: h.bank_name,
      bankAccount: h.bank_account, decisionRef: now.decision?.ref ?? '', decisionLabel: now.decision?.label ?? '' });
    for (const m of members) persons.push(personOf(seq, m));
    coveredIds.push(covered.map((m) => m.id_number));
  }
  problems.unshift(...lineProblems(lines.map((l, i) => ({ householdId: l.householdId!, label: `${l.village} ${l.headName}`, bankName: l.bankName,
    bankAccount: l.bankAccount, personIds: coveredIds[i] }))));
  return { period, closed: false, source: '计算', closedOn: null, closedByName: null, exportedAt: null, lines, persons, changes,
    totals: totalsOf(lines, persons, changes), problems };
}

function changeOf(householdId: number, kind: ChangeKind, forMonth: string, beforeFen: number, afterFen: number, amountFen: number,
  label: string, d: Decision | null): PayChange {
  return { householdId, kind, forMonth, beforeFen, afterFen, amountFen, label, decisionRef: d?.ref ?? '', decisionLabel: d?.label ?? '', decisionDate: d?.date ?? '' };
}

function personOf(lineSeq: number, m: MemberFacts): PayPerson {
  return { lineSeq, name: m.name, idNumber: m.id_number, relation: m.relation, sex: m.sex, birthDate: m.birth_date, health: m.health,
    disability: m.disability_type, disabilityGrade: m.disability_grade, labour: m.labour_capacity, covered: !!m.covered };
}

export function totalsOf(lines: PayLine[], persons: PayPerson[], changes: PayChange[]): PayTotals {
  const baseFen = lines.reduce((a, l) => a + l.baseFen, 0);
  const topUpFen = lines.reduce((a, l) => a + l.topUpFen, 0);
  const adjustFen = changes.reduce((a, c) => a + c.amountFen, 0);
  return { households: lines.length, persons: persons.filter((p) => p.covered).length, baseFen, topUpFen, adjustFen, totalFen: baseFen + topUpFen + adjustFen };
}

function previousComputed(decisions: Decision[], month: string): PreviousPayment {
  const s = stateInMonth(decisions, month);
  return { paid: s.paid, status: s.status, totalFen: totalOf(s) };
}

/** The previous month's payments as frozen, when that month is closed. */
function previousFromClosed(sqlite: Sqlite, month: string): Map<number, PreviousPayment> | null {
  if (!sqlite.prepare('SELECT 1 FROM payroll_months WHERE period = ?').get(month)) return null;
  const rows = sqlite.prepare(`SELECT household_id AS id, status, base_fen + top_up_fen AS fen FROM payroll_lines WHERE period = ? AND household_id IS NOT NULL`)
    .all(month) as { id: number; status: string; fen: number }[];
  return new Map(rows.map((r) => [r.id, { paid: true, status: r.status, totalFen: r.fen }]));
}

/**
 * Households with a decision recorded after a month it reaches was closed: only they can owe or be owed money
 * for a closed month. Maps the household to the first closed month to settle.
 */
function lateHouseholds(book: DecisionBook, closed: ClosedMonthInfo[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!closed.length) return out;
  for (const [hid, decisions] of book.byHousehold) {
    for (const d of decisions) {
      const at = book.recordedAt.get(d.ref) ?? '';
      const reached = closed.find((c) => c.period >= d.effectiveMonth && c.closedAt < at);
      if (reached && (!out.has(hid) || reached.period < out.get(hid)!)) out.set(hid, reached.period);
    }
  }
  return out;
}

/** What was paid for each closed month: its own line plus 补发/扣回 paid for it in later closed months. */
function paidForClosed(sqlite: Sqlite, householdIds: number[]): Map<number, Map<string, number>> {
  const out = new Map<number, Map<string, number>>();
  if (!householdIds.length) return out;
  const ids = JSON.stringify(householdIds);
  const rows = sqlite.prepare(`SELECT household_id AS hid, period AS month, base_fen + top_up_fen AS fen FROM payroll_lines
      WHERE household_id IN (SELECT value FROM json_each(@ids))
    UNION ALL SELECT c.household_id, c.for_month, c.amount_fen FROM payroll_changes c JOIN payroll_months m ON m.period = c.period
      WHERE c.amount_fen <> 0 AND c.household_id IN (SELECT value FROM json_each(@ids))`).all({ ids }) as { hid: number; month: string; fen: number }[];
  for (const r of rows) {
    let m = out.get(r.hid);
    if (!m) out.set(r.hid, (m = new Map()));
    m.set(r.month, (m.get(r.month) ?? 0) + r.fen);
  }
  return out;
}
