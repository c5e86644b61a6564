/**
 * The monthly payroll (月度发放名册) as pure rules: which decision is in force for a household in a month, what
 * it pays, what changed since the previous month, what is owed or overpaid for months already closed, and the
 * checks that must pass before a month is closed. No I/O: features/payroll reads the records and calls these.
 */

/** A decision record that sets a household's status and amount from a month on. */
export interface Decision {
  /** Stable reference, e.g. 'confirm:12' (审核确认 of application 12) or 'change:34' (benefit_changes 34). */
  ref: string;
  /** What the clerk reads: 审核确认（申请编号 12） / 减发决定（编号 34）. */
  label: string;
  kind: '审核确认' | '建档' | '维持' | '增发' | '减发' | '停保' | '渐退';
  /** Business date of the decision (YYYY-MM-DD). */
  date: string;
  /** First month the decision applies to (YYYY-MM). */
  effectiveMonth: string;
  status: '在保' | '渐退' | '停保';
  baseFen: number;
  topUpFen: number;
  /** 渐退: the last month paid. */
  phaseOutEndMonth: string | null;
  /** Recording order (a later record of the same effective month wins). */
  seq: number;
}

export interface MonthState {
  paid: boolean;
  status: '在保' | '渐退' | '停保' | '未保障';
  baseFen: number;
  topUpFen: number;
  /** The decision in force, or null when none applies yet. */
  decision: Decision | null;
}

const NOT_COVERED: MonthState = { paid: false, status: '未保障', baseFen: 0, topUpFen: 0, decision: null };

/** Orders decisions as they apply: by effective month, then by recording order. */
export const byApplication = (a: Decision, b: Decision) =>
  a.effectiveMonth < b.effectiveMonth ? -1 : a.effectiveMonth > b.effectiveMonth ? 1 : a.seq - b.seq;

/** The one rule for "the decision in force for a month": the last decision (in applying order) effective by then. */
export function decisionInForce(decisions: readonly Decision[], month: string): Decision | null {
  let best: Decision | null = null;
  for (const d of decisions) if (d.effectiveMonth <= month && (!best || byApplication(best, d) < 0)) best = d;
  return best;
}

/** What the household is paid in the month under the given decisions. */
export function stateInMonth(decisions: readonly Decision[], month: string): MonthState {
  const d = decisionInForce(decisions, month);
  if (!d) return NOT_COVERED;
  if (d.status === '停保') return { paid: false, status: '停保', baseFen: 0, topUpFen: 0, decision: d };
  const ended = d.status === '渐退' && d.phaseOutEndMonth !== null && month > d.phaseOutEndMonth;
  if (ended) return { paid: false, status: '停保', baseFen: 0, topUpFen: 0, decision: d };
  const paid = d.baseFen + d.topUpFen > 0;
  return { paid, status: d.status, baseFen: paid ? d.baseFen : 0, topUpFen: paid ? d.topUpFen : 0, decision: d };
}

export const totalOf = (s: { baseFen: number; topUpFen: number }) => s.baseFen + s.topUpFen;

export type ChangeKind = '新增' | '停发' | '增发' | '减发' | '渐退' | '补发' | '扣回';
export const CHANGE_KINDS: readonly ChangeKind[] = ['新增', '停发', '增发', '减发', '渐退', '补发', '扣回'];

/** What the household received in the previous month (from its closed payroll, or computed when still open). */
export interface PreviousPayment { paid: boolean; status: string; totalFen: number }

/**
 * The change line of a household against the previous month, or null when nothing changed. 渐退 is reported
 * when the household enters it (its amount may stay the same); a stop is 停发 whatever decision caused it.
 */
export function monthChange(prev: PreviousPayment | null, now: MonthState): { kind: ChangeKind; beforeFen: number; afterFen: number } | null {
  const before = prev?.paid ? prev.totalFen : 0;
  const after = now.paid ? totalOf(now) : 0;
  if (!prev?.paid && now.paid) return { kind: '新增', beforeFen: 0, afterFen: after };
  if (prev?.paid && !now.paid) return { kind: '停发', beforeFen: before, afterFen: 0 };
  if (!prev?.paid || !now.paid) return null;
  if (now.status === '渐退' && prev.status !== '渐退') return { kind: '渐退', beforeFen: before, afterFen: after };
  if (after > before) return { kind: '增发', beforeFen: before, afterFen: after };
  if (after < before) return { kind: '减发', beforeFen: before, afterFen: after };
  return null;
}

/** Money owed (补发) or overpaid (扣回) for a month already closed, paid in the next open month. */
export interface Adjustment { forMonth: string; kind: '补发' | '扣回'; amountFen: number; entitledFen: number; paidFen: number; decision: Decision | null }

/**
 * For each closed month: what the decisions now say was due, minus what was paid for it (its own line plus
 * earlier adjustments). A positive difference is 补发, a negative one 扣回 (amountFen is then negative).
 */
export function adjustmentsFor(decisions: readonly Decision[], paidFor: ReadonlyMap<string, number>, closedMonths: readonly string[]): Adjustment[] {
  const out: Adjustment[] = [];
  for (const month of closedMonths) {
    const s = stateInMonth(decisions, month);
    const entitledFen = s.paid ? totalOf(s) : 0;
    const paidFen = paidFor.get(month) ?? 0;
    const diff = entitledFen - paidFen;
    if (diff !== 0) out.push({ forMonth: month, kind: diff > 0 ? '补发' : '扣回', amountFen: diff, entitledFen, paidFen, decision: s.decision });
  }
  return out;
}

/** A bank account the bank can pay into: digits only, 10–25 long (cards are 16–19, passbook accounts longer). */
export function accountProblem(bankName: string, account: string): string | null {
  if (!account.trim()) return '未填写账号';
  if (!/^\d{10,25}$/.test(account)) return /\s/.test(account) ? '账号含空格' : '账号格式不正确（应为 10–25 位数字）';
  if (!bankName.trim()) return '未填写开户银行';
  return null;
}

export interface CheckableLine { householdId: number; label: string; bankName: string; bankAccount: string; personIds: readonly string[] }
export interface PayrollProblem { rule: string; householdId: number | null; label: string; detail: string }

/** Accounts, people paid twice, accounts shared by two households. */
export function lineProblems(lines: readonly CheckableLine[]): PayrollProblem[] {
  const out: PayrollProblem[] = [];
  const byPerson = new Map<string, CheckableLine>();
  const byAccount = new Map<string, CheckableLine>();
  for (const l of lines) {
    const bad = accountProblem(l.bankName, l.bankAccount);
    if (bad) out.push({ rule: '账号缺失或格式不正确', householdId: l.householdId, label: l.label, detail: bad });
    for (const id of l.personIds) {
      const other = byPerson.get(id);
      if (other && other.householdId !== l.householdId) {
        out.push({ rule: '同一人重复发放', householdId: l.householdId, label: l.label, detail: `身份证号尾号 ${id.slice(-4)} 的成员同时在 ${other.label} 领取` });
      } else if (other) {
        out.push({ rule: '同一人重复发放', householdId: l.householdId, label: l.label, detail: `身份证号尾号 ${id.slice(-4)} 在本户出现两次` });
      } else byPerson.set(id, l);
    }
    if (!bad) {
      const other = byAccount.get(l.bankAccount);
      if (other) out.push({ rule: '同一账号发放两户', householdId: l.householdId, label: l.label, detail: `与 ${other.label} 使用同一账号（尾号 ${l.bankAccount.slice(-4)}）` });
      else byAccount.set(l.bankAccount, l);
    }
  }
  return out;
}

/** 'YYYY-MM' arithmetic. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` through `to` inclusive (empty when to < from). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}
