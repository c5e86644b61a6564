/**
 * The monthly 低保 amount, as a pure function. Money is integer fen; every intermediate value is an exact
 * fraction (an annual standard ÷ 12, a household income ÷ family size), so nothing is rounded until the one
 * rounding at the end (domain.md §5: 500×3 − 700 = 800, not 800.01).
 */
import { ageOn } from './idNumber';

// ---- exact fractions over safe integers ----
interface Q { n: number; d: number }
const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
const q = (n: number, d = 1): Q => { const g = gcd(n, d) || 1; const s = d < 0 ? -1 : 1; return { n: (s * n) / g, d: (s * d) / g }; };
const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);
const lt = (a: Q, b: Q) => a.n * b.d < b.n * a.d;
const max = (a: Q, b: Q) => (lt(a, b) ? b : a);
const ZERO = q(0);
/** A percentage like 40 or 12.5 as an exact fraction. */
const pct = (p: number) => q(Math.round(p * 1000), 100_000);
const toNumber = (a: Q) => a.n / a.d;

// ---- inputs ----
export const PERSON_TYPES = ['老年人', '未成年人', '在校学生', '重度残疾人', '重病患者'] as const;
export type PersonType = (typeof PERSON_TYPES)[number];

/** An amount in fen, or a percentage of the monthly standard. */
export type Pay = { fen: number } | { percent: number };

/** A standard as the province publishes it: per person and month, or per person and year. */
export type Standard = { monthlyFen: number } | { annualFen: number };

export interface BenefitRules {
  /** 差额 = (standard − per-capita income) × covered persons; 分档 = a fixed pay per covered person by income band. */
  mode: '差额' | '分档';
  /** 分档: bands by per-capita income as % of the standard, checked in order; the first band with income ≤ upToPercent applies. */
  bands: { upToPercent: number; pay: Pay }[];
  /** 分类施保 top-ups per covered person type. */
  topUps: Partial<Record<PersonType, Pay>>;
  /** One person of several types gets the highest top-up ('max') or all of them ('sum'). LOCAL. */
  topUpCombine: 'max' | 'sum';
  /** Pay at least this % of the standard per covered person when eligible (null = no floor). LOCAL. */
  floorPercent: number | null;
  /** 低保边缘: per-capita income below this multiple of the standard. LOCAL (1.5 or 2). */
  edgeMultiplier: number;
  /** Rounding once at the end: to the yuan (default), the jiao or the fen; half up, or always up. */
  rounding: { unit: 'yuan' | 'jiao' | 'fen'; method: 'halfUp' | 'up' };
}

export const DEFAULT_RULES: BenefitRules = {
  mode: '差额', bands: [], topUps: {}, topUpCombine: 'max', floorPercent: null, edgeMultiplier: 1.5,
  rounding: { unit: 'yuan', method: 'halfUp' },
};

export interface IncomeInput { monthlyFen: number; excluded?: boolean; deducted?: boolean; label?: string }
export interface MemberInput {
  name: string;
  /** Counted in the family (co-resident, 共同生活家庭成员). */
  counted?: boolean;
  /** Receives cover (保障对象); with 整户保 every counted member is covered. */
  covered?: boolean;
  types?: PersonType[];
  incomes?: IncomeInput[];
}

export interface BenefitInput {
  standard: Standard;
  coverMode: '整户保' | '单人保';
  members: MemberInput[];
  rules?: Partial<BenefitRules>;
}

export interface BenefitStep { label: string; formula: string; valueFen: number }

export interface BenefitResult {
  eligibility: '低保' | '低保边缘' | '不符合';
  familySize: number;
  coveredCount: number;
  standardFen: number;
  householdIncomeFen: number;
  perCapitaIncomeFen: number;
  /** Rounded once: amountFen = baseFen + topUpFen. */
  amountFen: number;
  baseFen: number;
  topUpFen: number;
  steps: BenefitStep[];
}

// ---- the calculation ----
const yuan = (v: Q) => (toNumber(v) / 100).toFixed(2).replace(/\.00$/, '');
const payOf = (p: Pay, standard: Q): Q => ('fen' in p ? q(p.fen) : mul(standard, pct(p.percent)));
const payText = (p: Pay) => ('fen' in p ? `${yuan(q(p.fen))}元` : `标准×${p.percent}%`);

export function monthlyStandard(s: Standard): Q {
  return 'monthlyFen' in s ? q(s.monthlyFen) : q(s.annualFen, 12);
}

/** Rounds a non-negative exact amount to the rule's unit, returning fen. */
export function roundFen(v: Q, r: BenefitRules['rounding']): number {
  const unit = r.unit === 'yuan' ? 100 : r.unit === 'jiao' ? 10 : 1;
  const units = div(v, q(unit));
  const whole = Math.floor(units.n / units.d);
  const rest = sub(units, q(whole));
  const up = r.method === 'up' ? rest.n > 0 : !lt(rest, q(1, 2));
  return (whole + (up ? 1 : 0)) * unit;
}

function householdIncome(counted: MemberInput[], steps: BenefitStep[]): Q {
  let gross = ZERO;
  let deductions = ZERO;
  let excluded = ZERO;
  for (const m of counted) {
    for (const i of m.incomes ?? []) {
      if (i.excluded) excluded = add(excluded, q(i.monthlyFen));
      else if (i.deducted) deductions = add(deductions, q(i.monthlyFen));
      else gross = add(gross, q(i.monthlyFen));
    }
  }
  const net = max(ZERO, sub(gross, deductions));
  steps.push({ label: '家庭月收入（计入部分）', formula: `${yuan(gross)}元${excluded.n > 0 ? `（另有不计入收入 ${yuan(excluded)}元）` : ''}`, valueFen: toNumber(gross) });
  if (deductions.n > 0) steps.push({ label: '扣减（刚性支出、就业成本等）', formula: `−${yuan(deductions)}元`, valueFen: -toNumber(deductions) });
  steps.push({ label: '家庭月收入（核算）', formula: `${yuan(gross)} − ${yuan(deductions)} = ${yuan(net)}元`, valueFen: toNumber(net) });
  return net;
}

function baseAmount(standard: Q, perCapita: Q, income: Q, familySize: number, covered: number, rules: BenefitRules, steps: BenefitStep[]): Q {
  if (rules.mode === '分档') {
    const ratio = div(perCapita, standard);
    const band = rules.bands.find((b) => !lt(pct(b.upToPercent), ratio));
    if (!band) return ZERO;
    const v = mul(payOf(band.pay, standard), q(covered));
    steps.push({ label: '分档保障金', formula: `人均收入≤标准×${band.upToPercent}%档：${payText(band.pay)} × ${covered}人 = ${yuan(v)}元`, valueFen: toNumber(v) });
    return v;
  }
  // Whole-family cover over the whole family: standard × n − household income, exact (no per-capita rounding).
  const v = covered === familySize
    ? max(ZERO, sub(mul(standard, q(covered)), income))
    : max(ZERO, mul(sub(standard, perCapita), q(covered)));
  const formula = covered === familySize
    ? `${yuan(standard)} × ${covered}人 − ${yuan(income)} = ${yuan(v)}元`
    : `(${yuan(standard)} − ${yuan(perCapita)}) × ${covered}人 = ${yuan(v)}元`;
  steps.push({ label: '差额保障金', formula, valueFen: toNumber(v) });
  return v;
}

/** A member's own counted monthly income (deductions taken off, never below 0). */
function ownIncome(m: MemberInput): Q {
  let v = ZERO;
  for (const i of m.incomes ?? []) if (!i.excluded) v = i.deducted ? sub(v, q(i.monthlyFen)) : add(v, q(i.monthlyFen));
  return max(ZERO, v);
}

/**
 * 单人保 参照单人户 (2021办法 第八条): each covered person of a 低保边缘 family is computed as a one-person household
 * on their own income, not on the family's per-capita income (which is above the standard in such a family).
 */
function singleCover(standard: Q, covered: MemberInput[], rules: BenefitRules, steps: BenefitStep[]): Q {
  let total = ZERO;
  for (const m of covered) {
    const own = ownIncome(m);
    steps.push({ label: `单人保参照单人户：${m.name}`, formula: `本人月收入 ${yuan(own)}元，按 1 人户核算`, valueFen: toNumber(own) });
    total = add(total, baseAmount(standard, own, own, 1, 1, rules, steps));
  }
  return total;
}

function applyFloor(base: Q, standard: Q, covered: number, rules: BenefitRules, steps: BenefitStep[]): Q {
  if (rules.floorPercent == null || covered === 0) return base;
  const floor = mul(mul(standard, pct(rules.floorPercent)), q(covered));
  if (!lt(base, floor)) return base;
  steps.push({ label: '保底', formula: `不足标准的${rules.floorPercent}%，按 ${yuan(standard)} × ${rules.floorPercent}% × ${covered}人 = ${yuan(floor)}元`, valueFen: toNumber(floor) });
  return floor;
}

function topUps(covered: MemberInput[], standard: Q, rules: BenefitRules, steps: BenefitStep[]): Q {
  let total = ZERO;
  for (const m of covered) {
    const pays = (m.types ?? []).flatMap((t) => (rules.topUps[t] ? [{ t, v: payOf(rules.topUps[t]!, standard), p: rules.topUps[t]! }] : []));
    if (pays.length === 0) continue;
    const chosen = rules.topUpCombine === 'sum' ? pays : [pays.reduce((a, b) => (lt(a.v, b.v) ? b : a))];
    for (const c of chosen) {
      total = add(total, c.v);
      steps.push({ label: `分类施保：${m.name}（${c.t}）`, formula: `${payText(c.p)} = ${yuan(c.v)}元`, valueFen: toNumber(c.v) });
    }
  }
  return total;
}

/** Computes the monthly amount with its steps, so staff can explain every figure. */
export function computeBenefit(input: BenefitInput): BenefitResult {
  const rules: BenefitRules = { ...DEFAULT_RULES, ...(input.rules ?? {}) };
  const steps: BenefitStep[] = [];
  const standard = monthlyStandard(input.standard);
  steps.push({ label: '保障标准（元/人·月）', formula: 'annualFen' in input.standard
    ? `${yuan(q(input.standard.annualFen))}元/年 ÷ 12 = ${yuan(standard)}元` : `${yuan(standard)}元`, valueFen: toNumber(standard) });
  const counted = input.members.filter((m) => m.counted !== false);
  const familySize = counted.length;
  const covered = input.coverMode === '整户保' ? counted : counted.filter((m) => m.covered);
  steps.push({ label: '家庭人口 / 保障人口', formula: `${familySize}人 / ${covered.length}人（${input.coverMode}）`, valueFen: 0 });
  const income = householdIncome(counted, steps);
  const perCapita = familySize > 0 ? div(income, q(familySize)) : ZERO;
  steps.push({ label: '家庭人均月收入', formula: `${yuan(income)} ÷ ${familySize}人 = ${yuan(perCapita)}元`, valueFen: toNumber(perCapita) });

  const edge = mul(standard, pct(rules.edgeMultiplier * 100));
  const eligibility = lt(perCapita, standard) ? '低保' : lt(perCapita, edge) ? '低保边缘' : '不符合';
  steps.push({ label: '认定', formula: `人均 ${yuan(perCapita)}元，标准 ${yuan(standard)}元，边缘线 ${yuan(edge)}元（${rules.edgeMultiplier}倍）：${eligibility}`, valueFen: 0 });
  // 单人保 is the cover for severe disability or illness in an 边缘 family (domain.md §2), so it is paid there too.
  const paid = familySize > 0 && (eligibility === '低保' || (input.coverMode === '单人保' && eligibility === '低保边缘'));
  let base = !paid ? ZERO : input.coverMode === '单人保'
    ? singleCover(standard, covered, rules, steps)
    : baseAmount(standard, perCapita, income, familySize, covered.length, rules, steps);
  if (paid) base = applyFloor(base, standard, covered.length, rules, steps);
  const topUp = paid ? topUps(covered, standard, rules, steps) : ZERO;
  const total = add(base, topUp);
  const amountFen = roundFen(total, rules.rounding);
  const topUpFen = Math.min(roundFen(topUp, rules.rounding), amountFen);
  const unit = { yuan: '元', jiao: '角', fen: '分' }[rules.rounding.unit];
  steps.push({ label: '月保障金合计', formula: `${yuan(base)} + ${yuan(topUp)} = ${yuan(total)}元，${rules.rounding.method === 'up' ? '向上取整' : '四舍五入'}到${unit}：${yuan(q(amountFen))}元`, valueFen: amountFen });
  return {
    eligibility, familySize, coveredCount: covered.length, standardFen: toNumber(standard),
    householdIncomeFen: toNumber(income), perCapitaIncomeFen: toNumber(perCapita),
    amountFen, baseFen: amountFen - topUpFen, topUpFen, steps,
  };
}

/** Person types from member facts on a date (for 分类施保). */
export function personTypes(m: { birthDate: string; school?: string; health?: string; disabilityGrade?: number | null }, onDate: string): PersonType[] {
  const age = ageOn(m.birthDate, onDate);
  const out: PersonType[] = [];
  if (age >= 60) out.push('老年人');
  if (age < 18) out.push('未成年人');
  if (m.school && m.school !== '' && m.school !== '无') out.push('在校学生');
  if (m.disabilityGrade != null && m.disabilityGrade <= 2) out.push('重度残疾人');
  if (m.health === '重病') out.push('重病患者');
  return out;
}
