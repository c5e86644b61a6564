/**
 * A household's case record: the one place that says what its status and amount must be. Pure: no I/O.
 *
 * The status, 月保障金, 分类施保金, 保障人口 and 保障类别 of a household are never typed in. They follow the last
 * decision on the case (审核确认, a change decision, 建档导入 for an imported existing case, or an administrator's
 * 更正), and the decision was based on a calculation over the members then living. `caseFindings` lists every rule
 * a household's record breaks; `cli check`, the 数据体检 page and the 首页 count all run it.
 */

import { formatChineseDate } from './dates';

// ---- fields that only decisions change ----

/** Household fields a fact edit must not touch, with their Chinese names. */
export const DECIDED_FIELDS = { status: '状态', category: '保障类别', monthlyAmountFen: '月保障金', topUpFen: '分类施保金', coveredCount: '保障人口' } as const;
export type DecidedField = keyof typeof DECIDED_FIELDS;

/** The refusal shown when a fact edit names a decided field: it says which procedure changes it. */
export function decidedFieldMessage(fields: string[]): string {
  const names = fields.map((f) => DECIDED_FIELDS[f as DecidedField] ?? f).join('、');
  return `${names}不能在“变更户信息”中修改：纳入保障须走申请和审核确认；调整金额或保障人口作变更决定（增发、减发）；`
    + '停止保障作停保或渐退决定；录入错误由管理员在“更正”中写明原因后更正。';
}

// ---- decisions ----

export const DECISION_KINDS = ['建档导入', '申请', '审核确认', '不予确认', '维持', '增发', '减发', '停保', '渐退', '更正'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** One decision-like record on a case, in the order it was written. Amounts null = unchanged by this record. */
export interface DecisionRecord {
  kind: DecisionKind;
  /** When it was written (ISO timestamp): the order of the record. */
  at: string;
  /** Business date. */
  date: string;
  status: string;
  monthlyFen: number | null;
  topUpFen: number | null;
  /** The calculation total (fen) the decision was made on, and the covered persons it counted (null = not recorded). */
  calcFen: number | null;
  coveredCount: number | null;
  /** 渐退: effective month of the decision and last month paid. */
  effectiveMonth?: string | null;
  phaseOutEnd?: string | null;
  /** Shown in findings: '变更决定 12', '申请 3'. */
  ref: string;
}

export interface CaseState {
  status: string;
  monthlyFen: number;
  topUpFen: number;
  calcFen: number | null;
  coveredCount: number | null;
  /** 渐退: first month of the current phase-out and its last month paid. */
  phaseOutStart: string | null;
  phaseOutEnd: string | null;
  basis: DecisionRecord;
}

/** Folds the decisions (sorted by `at`) into the state they decide; null when there is none. */
export function foldDecisions(records: readonly DecisionRecord[]): CaseState | null {
  let s: CaseState | null = null;
  for (const d of [...records].sort((a, b) => a.at.localeCompare(b.at))) {
    s = next(s as CaseState | null, d); // (cast: TS narrows a let assigned in a loop to null)
  }
  return s;
}

/** The state after one more decision; amounts null on the record carry the previous ones forward. */
function next(s: CaseState | null, d: DecisionRecord): CaseState {
  return {
    status: d.status,
    monthlyFen: d.monthlyFen ?? s?.monthlyFen ?? 0,
    topUpFen: d.topUpFen ?? s?.topUpFen ?? 0,
    calcFen: d.calcFen ?? (d.kind === '更正' ? s?.calcFen ?? null : null),
    coveredCount: d.coveredCount ?? (d.kind === '更正' ? s?.coveredCount ?? null : null),
    // A phase-out continues from its first month: a later 渐退 or 更正 cannot restart the clock.
    phaseOutStart: d.status !== '渐退' ? null : s?.status === '渐退' ? s.phaseOutStart : d.effectiveMonth ?? null,
    phaseOutEnd: d.status !== '渐退' ? null : d.phaseOutEnd ?? s?.phaseOutEnd ?? null,
    basis: d,
  };
}

// ---- tasks ----

export const TASK_KINDS = ['待调整', '待停保'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export interface OpenTask { kind: TaskKind; dueDate: string }

/** Time limits: 待停保 within 3 months of the death or exit (seed 003, 殡葬信息比对); 待调整 within 30 days. */
export const STOP_LIMIT_MONTHS = 3;
export const ADJUST_LIMIT_DAYS = 30;

export function addMonthsIso(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}
export function addDaysIso(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function taskDue(kind: TaskKind, triggerDate: string): string {
  return kind === '待停保' ? addMonthsIso(triggerDate, STOP_LIMIT_MONTHS) : addDaysIso(triggerDate, ADJUST_LIMIT_DAYS);
}

/** What a member change asks of a paid case: nothing, an adjustment to the new amount, or a stop. */
export function taskNeeded(a: { status: string; livingCovered: number; amountFen: number; calcFen: number | null }): TaskKind | null {
  if (a.status !== '在保' && a.status !== '渐退') return null;
  if (a.livingCovered === 0) return '待停保';
  if (a.status === '在保' && a.calcFen !== null && a.calcFen !== a.amountFen) return '待调整';
  return null;
}

// ---- the rules ----

export interface RecordMember { id: number; name: string; idKey: string; state: string; covered: boolean }

/** Everything the rules read about one household. */
export interface HouseholdRecord {
  id: number;
  label: string;
  status: string;
  monthlyFen: number;
  topUpFen: number;
  members: RecordMember[];
  decisions: DecisionRecord[];
  /** The calculation over today's facts (fen), null when it cannot be made (no standard set). */
  calcFen: number | null;
  openTasks: OpenTask[];
  /** An application still open (申请中 needs one). */
  openApplication: boolean;
  /** The member recorded as 户主 (undefined = not known to the caller, rule skipped). */
  headMemberId?: number | null;
}

export const RULES = {
  noLivingCovered: '在保或渐退，但没有在世的保障对象',
  amountVsCalculation: '月保障金与按现有成员和收入的核算不符，且没有记录原因或待调整事项',
  coveredCount: '保障人口与在世的保障对象人数不符，且没有待调整事项',
  phaseOut: '渐退超过期限或超过最长渐退期',
  statusBasis: '状态没有对应的决定（审核确认、变更决定或建档导入）',
  amountBasis: '月保障金或分类施保金与最近一次决定不符',
  personTwice: '同一人（身份证号）登记在两个户',
  taskOverdue: '待调整或待停保事项已超过办理时限',
  headNotLiving: '户主已死亡或不在户，户内仍有在户成员，未变更户主',
} as const;
export type RuleId = keyof typeof RULES;

export interface Finding { householdId: number; label: string; rule: RuleId; ruleName: string; detail: string }

const PAID = new Set(['在保', '渐退']);
const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

/** Months from a to b inclusive ('2026-01'..'2026-06' = 6). */
export function monthSpan(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7)) + 1;
}

/** Every rule one household's record breaks, on `today` with the maximum 渐退 length. */
export function caseFindings(h: HouseholdRecord, today: string, maxPhaseOutMonths: number): Finding[] {
  const out: Finding[] = [];
  const add = (rule: RuleId, detail: string) => out.push({ householdId: h.id, label: h.label, rule, ruleName: RULES[rule], detail });
  const living = h.members.filter((m) => m.state === '在户' && m.covered).length;
  const open = (k: TaskKind) => h.openTasks.some((t) => t.kind === k && t.dueDate >= today);
  for (const t of h.openTasks) if (t.dueDate < today) add('taskOverdue', `${t.kind}应于${formatChineseDate(t.dueDate)}前办结`);
  const head = h.headMemberId != null ? h.members.find((m) => m.id === h.headMemberId) : undefined;
  const present = h.members.filter((m) => m.state === '在户').length;
  if (head && head.state !== '在户' && present > 0) add('headNotLiving', `户主${head.name}已${head.state}，户内仍有 ${present} 名在户成员，应变更户主`);
  const state = foldDecisions(h.decisions);
  // A newly registered household waits as 申请中 before its application is recorded; after any decision, 申请中 needs an open one.
  if (h.status === '申请中') {
    if (state && !h.openApplication) add('statusBasis', `状态为申请中，但没有办理中的申请（最近一次决定：${state.basis.kind}，${state.basis.ref}）`);
  } else if (!state) add('statusBasis', `状态为${h.status}，但没有任何决定记录`);
  else if (state.status !== h.status) add('statusBasis', `状态为${h.status}，最近一次决定（${state.basis.kind}，${state.basis.ref}）为${state.status}`);
  if (state && h.status !== '申请中' && (state.monthlyFen !== h.monthlyFen || state.topUpFen !== h.topUpFen)) {
    add('amountBasis', `记录 ${yuan(h.monthlyFen)} + 施保 ${yuan(h.topUpFen)}，决定为 ${yuan(state.monthlyFen)} + 施保 ${yuan(state.topUpFen)}（${state.basis.ref}）`);
  }
  if (!PAID.has(h.status)) return out;
  if (living === 0 && !open('待停保')) add('noLivingCovered', '成员均已死亡、迁出或未纳入保障，应作停保决定');
  const amount = h.monthlyFen + h.topUpFen;
  const waiting = open('待调整') || open('待停保');
  if (h.status === '在保' && living > 0 && h.calcFen !== null && h.calcFen !== amount && h.calcFen !== state?.calcFen && !waiting) {
    add('amountVsCalculation', `发放 ${yuan(amount)}，现核算 ${yuan(h.calcFen)}${state?.calcFen != null ? `（决定时核算 ${yuan(state.calcFen)}）` : ''}`);
  }
  if (living > 0 && state?.coveredCount != null && state.coveredCount !== living && !waiting) {
    add('coveredCount', `决定时保障 ${state.coveredCount} 人，现在世保障对象 ${living} 人`);
  }
  if (h.status === '渐退') {
    const end = state?.phaseOutEnd;
    const start = state?.phaseOutStart;
    if (!end || !start) add('phaseOut', '渐退没有记录起止月份');
    else if (end < today.slice(0, 7)) add('phaseOut', `渐退已于${formatChineseDate(end)}到期，应转为停保`);
    else if (monthSpan(start, end) > maxPhaseOutMonths) add('phaseOut', `渐退${formatChineseDate(start)}至${formatChineseDate(end)}共 ${monthSpan(start, end)} 个月，超过 ${maxPhaseOutMonths} 个月`);
  }
  return out;
}

/** A person (normalized 身份证号) recorded in more than one household. */
export function personsInTwoHouseholds(records: readonly Pick<HouseholdRecord, 'id' | 'label' | 'members'>[]): Finding[] {
  const seen = new Map<string, { householdId: number; label: string; name: string }[]>();
  for (const h of records) {
    for (const m of h.members) {
      const list = seen.get(m.idKey) ?? [];
      if (!list.some((x) => x.householdId === h.id)) list.push({ householdId: h.id, label: h.label, name: m.name });
      seen.set(m.idKey, list);
    }
  }
  const out: Finding[] = [];
  for (const list of seen.values()) {
    if (list.length < 2) continue;
    for (const x of list) {
      const others = list.filter((o) => o !== x).map((o) => `${o.label}（${o.name}）`).join('、');
      out.push({ householdId: x.householdId, label: x.label, rule: 'personTwice', ruleName: RULES.personTwice, detail: `${x.name}也登记在${others}` });
    }
  }
  return out;
}
