import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { formatChineseDate } from '../../domain/dates';
import { frozenLedgerDigest } from '../ledgers/frozenLedgers';
import { computePayroll, totalsOf, type PayChange, type PayLine, type PayPerson, type Payroll } from './compute';

type Sqlite = Database.Database;

export interface MonthRow {
  period: string; source: string; closedOn: string; closedBy: string; closedByName: string; households: number; persons: number;
  baseFen: number; topUpFen: number; adjustFen: number; totalFen: number; digest: string; statsJson: string; exportedAt: string | null; closedAt: string;
}

export const monthRow = (sqlite: Sqlite, period: string) => sqlite.prepare(`SELECT period, source, closed_on AS closedOn, closed_by AS closedBy,
  closed_by_name AS closedByName, households, persons, base_fen AS baseFen, top_up_fen AS topUpFen, adjust_fen AS adjustFen, total_fen AS totalFen,
  digest, stats_json AS statsJson, exported_at AS exportedAt, closed_at AS closedAt FROM payroll_months WHERE period = ?`).get(period) as MonthRow | undefined;

export const isClosed = (sqlite: Sqlite, period: string) => !!monthRow(sqlite, period);

/** The closed months of a year up to and including `through`, in order. */
export const closedMonthsOfYear = (sqlite: Sqlite, through: string) => sqlite.prepare(`SELECT period, source, closed_on AS closedOn, closed_by AS closedBy,
  closed_by_name AS closedByName, households, persons, base_fen AS baseFen, top_up_fen AS topUpFen, adjust_fen AS adjustFen, total_fen AS totalFen,
  digest, stats_json AS statsJson, exported_at AS exportedAt, closed_at AS closedAt FROM payroll_months
  WHERE period BETWEEN ? AND ? ORDER BY period`).all(`${through.slice(0, 4)}-01`, through) as MonthRow[];

/** A closed month as it was frozen. */
export function readClosed(sqlite: Sqlite, period: string): Payroll | null {
  const m = monthRow(sqlite, period);
  if (!m) return null;
  const lines = sqlite.prepare(`SELECT seq, household_id AS householdId, village, grp, head_name AS headName, head_id AS headId,
    certificate_no AS certificateNo, category, cause, family, covered, status, start_month AS startMonth, base_fen AS baseFen, top_up_fen AS topUpFen,
    bank_name AS bankName, bank_account AS bankAccount, decision_ref AS decisionRef, decision_label AS decisionLabel
    FROM payroll_lines WHERE period = ? ORDER BY seq`).all(period) as PayLine[];
  const persons = (sqlite.prepare(`SELECT line_seq AS lineSeq, name, id_number AS idNumber, relation, sex, birth_date AS birthDate, health,
    disability, disability_grade AS disabilityGrade, labour, covered FROM payroll_persons WHERE period = ? ORDER BY line_seq, id`).all(period) as
    (Omit<PayPerson, 'covered'> & { covered: number })[]).map((p) => ({ ...p, covered: !!p.covered }));
  const changes = sqlite.prepare(`SELECT household_id AS householdId, kind, for_month AS forMonth, before_fen AS beforeFen, after_fen AS afterFen,
    amount_fen AS amountFen, label, decision_ref AS decisionRef, decision_label AS decisionLabel, decision_date AS decisionDate
    FROM payroll_changes WHERE period = ? ORDER BY id`).all(period) as PayChange[];
  return { period, closed: true, source: m.source, closedOn: m.closedOn, closedByName: m.closedByName, exportedAt: m.exportedAt, lines, persons, changes,
    totals: totalsOf(lines, persons, changes) };
}

/** The month's payroll: frozen when closed, otherwise computed now from the decisions in force. */
export function payrollFor(sqlite: Sqlite, period: string): Payroll {
  return readClosed(sqlite, period) ?? computePayroll(sqlite, period);
}

/** SHA-256 over the frozen content, in a fixed order: a row edited behind the app's back changes it. */
export function digestOf(p: Pick<Payroll, 'lines' | 'persons' | 'changes'>): string {
  const h = crypto.createHash('sha256');
  for (const l of p.lines) h.update(JSON.stringify([l.seq, l.householdId, l.headId, l.baseFen, l.topUpFen, l.bankName, l.bankAccount, l.status, l.covered, l.category]));
  for (const x of p.persons) h.update(JSON.stringify([x.lineSeq, x.idNumber, x.covered]));
  for (const c of p.changes) h.update(JSON.stringify([c.householdId, c.kind, c.forMonth, c.amountFen, c.beforeFen, c.afterFen]));
  return h.digest('hex');
}

/** Writes the frozen rows of a month (inside the caller's transaction). */
export function writeSnapshot(sqlite: Sqlite, period: string, p: Pick<Payroll, 'lines' | 'persons' | 'changes'>) {
  const line = sqlite.prepare(`INSERT INTO payroll_lines (period, seq, household_id, village, grp, head_name, head_id, certificate_no, category, cause,
    family, covered, status, start_month, base_fen, top_up_fen, bank_name, bank_account, decision_ref, decision_label)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const l of p.lines) line.run(period, l.seq, l.householdId, l.village, l.grp, l.headName, l.headId, l.certificateNo, l.category, l.cause,
    l.family, l.covered, l.status, l.startMonth, l.baseFen, l.topUpFen, l.bankName, l.bankAccount, l.decisionRef, l.decisionLabel);
  const person = sqlite.prepare(`INSERT INTO payroll_persons (period, line_seq, name, id_number, relation, sex, birth_date, health, disability,
    disability_grade, labour, covered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const x of p.persons) person.run(period, x.lineSeq, x.name, x.idNumber, x.relation, x.sex, x.birthDate, x.health, x.disability,
    x.disabilityGrade, x.labour, x.covered ? 1 : 0);
  const change = sqlite.prepare(`INSERT INTO payroll_changes (period, household_id, kind, for_month, before_fen, after_fen, amount_fen, label,
    decision_ref, decision_label, decision_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const c of p.changes) change.run(period, c.householdId, c.kind, c.forMonth, c.beforeFen, c.afterFen, c.amountFen, c.label, c.decisionRef,
    c.decisionLabel, c.decisionDate);
}

export function deleteSnapshot(sqlite: Sqlite, period: string) {
  for (const t of ['payroll_lines', 'payroll_persons', 'payroll_changes', 'payroll_ledger_rows', 'payroll_months']) sqlite.prepare(`DELETE FROM ${t} WHERE period = ?`).run(period);
}

/** What the keyed audit row of a month's close (锁定 or 历史导入) recorded about the frozen month. */
interface ClosingRecord { digest?: string; ledgerDigest?: string; totalFen?: number; households?: number }

function closingRecord(sqlite: Sqlite, period: string): ClosingRecord | null {
  const after = sqlite.prepare(`SELECT after FROM audit_log WHERE entity = 'payroll_month' AND entity_id = ?
    AND json_extract(after, '$.action') IN ('锁定', '历史导入') ORDER BY id DESC LIMIT 1`).pluck().get(period) as string | undefined;
  return after ? JSON.parse(after) as ClosingRecord : null;
}

/**
 * Why a closed month no longer is what was locked, in words ([] when it is): its frozen lines against the digest and
 * totals of its row, and both against the audit row of the close, which the keyed chain protects — so editing the
 * month's row along with its lines, or a frozen ledger or the statistics, is found too.
 */
export function monthTampering(sqlite: Sqlite, period: string): string[] {
  const m = monthRow(sqlite, period)!;
  const p = readClosed(sqlite, period)!;
  const month = formatChineseDate(period);
  const out: string[] = [];
  if (digestOf(p) !== m.digest || p.totals.totalFen !== m.totalFen || p.lines.length !== m.households) out.push(`${month}的发放名册与锁定时的校验值不符`);
  const rec = closingRecord(sqlite, period);
  if (!rec) return [...out, `${month}已锁定，但操作日志中没有锁定记录`];
  if (rec.digest !== m.digest || rec.totalFen !== m.totalFen || rec.households !== m.households) out.push(`${month}的锁定记录（校验值、合计）与操作日志中锁定时记下的不符`);
  // months closed before the ledgers were sealed carry no ledgerDigest: nothing to compare them with
  if (rec.ledgerDigest !== undefined && rec.ledgerDigest !== frozenLedgerDigest(sqlite, period)) out.push(`${month}冻结的台账或统计表与锁定时的校验值不符`);
  return out;
}

/** Every closed month's tampering, month by month. */
export function tamperedMonths(sqlite: Sqlite): string[] {
  const periods = sqlite.prepare('SELECT period FROM payroll_months ORDER BY period').pluck().all() as string[];
  return periods.flatMap((period) => monthTampering(sqlite, period));
}
