/**
 * The 审核确认 procedure as an explicit state machine. The state is a fold over the application's
 * insert-only step records, so it can always be recomputed from what was signed off. A step that skips a
 * required one is refused with every reason at once. Rule sets: '2021' (民发〔2021〕57号, default) and
 * '2012' (民发〔2012〕220号: 民主评议 mandatory, two 公示, county home checks ≥ 30 %).
 */
import { addDays, addWorkingDays, parseDate, unverifiedYears, workingDaysBetween, type WorkCalendar } from './workdays';

export const RULE_SETS = ['2021', '2012'] as const;
export type RuleSet = (typeof RULE_SETS)[number];

export const STAGES = ['待受理', '调查中', '待初审', '待公示', '公示中', '待确认', '已确认', '不予受理', '不予确认'] as const;
export type Stage = (typeof STAGES)[number];
export const CLOSED_STAGES: readonly Stage[] = ['已确认', '不予受理', '不予确认'];

export const STEP_LABELS = {
  apply: '申请', accept: '受理', refuseAccept: '不予受理', homeVisit: '入户调查', verifyRequest: '信息核对申请',
  verifyResult: '信息核对结果', neighbourVisit: '邻里访问', democraticReview: '民主评议', preliminary: '初审意见',
  publicityStart: '公示开始', publicityEnd: '公示结束', countyVisit: '县级入户核查', confirm: '审核确认',
  refuseConfirm: '不予确认', noticeServed: '告知书送达', specialLimit: '特殊情况办理时限',
} as const;
export type StepKind = keyof typeof STEP_LABELS;

export const PUBLICITY_DAYS = 7;

/** The steps a stage offers in the UI (the state machine still checks each one). */
export const OFFERED_STEPS: Record<Stage, StepKind[]> = {
  待受理: ['accept', 'refuseAccept'],
  调查中: ['homeVisit', 'verifyRequest', 'verifyResult', 'neighbourVisit', 'democraticReview', 'countyVisit', 'preliminary'],
  待初审: ['preliminary', 'homeVisit', 'verifyRequest', 'verifyResult', 'neighbourVisit', 'democraticReview', 'countyVisit'],
  待公示: ['publicityStart', 'countyVisit'],
  公示中: ['publicityEnd', 'countyVisit'],
  待确认: ['confirm', 'refuseConfirm', 'countyVisit'],
  已确认: [],
  不予受理: ['noticeServed'],
  不予确认: ['noticeServed'],
};

export interface DemocraticReview { participants: number; villagerReps: number; agree: number; disagree: number; allSigned: boolean; conclusion: string }
export interface StepRecord {
  kind: StepKind;
  date: string;
  /** Step facts: investigators, objection, review counts … (validated by the channel's schema). */
  payload?: { investigators?: string[]; objection?: boolean; review?: DemocraticReview; missing?: string[]; reason?: string; [fact: string]: unknown };
}
export interface ProcedureCase {
  ruleSet: RuleSet; countyVisitRequired: boolean; delegated: boolean; special: boolean;
  /** Receipt date of the latest 信访举报 on the household since the application (2021办法 第二十条: county visit). */
  complaintOn?: string | null;
}

export interface Facts {
  stage: Stage;
  lastDate: string | null;
  acceptedOn: string | null;
  firstInvestigationOn: string | null;
  homeVisitOn: string | null;
  verifyRequestedOn: string | null;
  verifyResultOn: string | null;
  neighbourVisitOn: string | null;
  reviewOn: string | null;
  /** Date of an objection not yet answered by re-investigation or 民主评议. */
  objectionOn: string | null;
  /** Date of the latest objection raised in a 公示, answered or not (it still requires the county visit). */
  objectionRaisedOn: string | null;
  publicityStartOn: string | null;
  publicityRounds: number;
  publicityDoneOn: string | null;
  countyVisitOn: string | null;
  decidedOn: string | null;
  noticeServedOn: string | null;
}

const INITIAL: Facts = {
  stage: '待受理', lastDate: null, acceptedOn: null, firstInvestigationOn: null, homeVisitOn: null, verifyRequestedOn: null,
  verifyResultOn: null, neighbourVisitOn: null, reviewOn: null, objectionOn: null, objectionRaisedOn: null, publicityStartOn: null, publicityRounds: 0,
  publicityDoneOn: null, countyVisitOn: null, decidedOn: null, noticeServedOn: null,
};

const INVESTIGATING: readonly Stage[] = ['调查中', '待初审'];
const OPEN_AFTER_ACCEPT: readonly Stage[] = ['调查中', '待初审', '待公示', '公示中', '待确认'];

export const publicityRequired = (c: ProcedureCase) => (c.ruleSet === '2012' ? 2 : 1);

/** What is still missing before the 初审意见 can be given (empty = ready). */
export function missingForPreliminary(c: ProcedureCase, f: Facts): string[] {
  const missing: string[] = [];
  if (!f.homeVisitOn) missing.push('入户调查');
  if (!f.verifyRequestedOn) missing.push('信息核对申请');
  else if (!f.verifyResultOn) missing.push('信息核对结果');
  if (!f.neighbourVisitOn) missing.push('邻里访问');
  if (c.ruleSet === '2012' && !f.reviewOn) missing.push('民主评议（2012办法必经）');
  if (f.objectionOn) missing.push('公示异议后的重新调查或民主评议');
  return missing;
}

/**
 * A reason a step is refused, with the input field it is about (the step channel's own path: 'date', 'reason',
 * 'investigators', 'review.agree' …; '' = the step as a whole), so the form shows it under that field.
 */
export interface Refusal { path: string; message: string }

/** Reasons the step is refused (empty = allowed). */
export function refusals(c: ProcedureCase, f: Facts, s: StepRecord): string[] {
  return refusalDetails(c, f, s).map((x) => x.message);
}

/** The same reasons, each with its field path. */
export function refusalDetails(c: ProcedureCase, f: Facts, s: StepRecord): Refusal[] {
  const r: Refusal[] = [];
  const add = (message: string, path = '') => { r.push({ path, message }); };
  if (f.lastDate && s.date < f.lastDate) add(`日期不能早于上一步（${f.lastDate}）`, 'date');
  const need = (stages: readonly Stage[], what: string) => { if (!stages.includes(f.stage)) add(`当前为“${f.stage}”，不能${what}`); };
  switch (s.kind) {
    case 'apply': add('申请已登记'); break;
    case 'accept': need(['待受理'], '受理'); break;
    case 'refuseAccept':
      need(['待受理'], '不予受理');
      if (!s.payload?.missing?.length) add('不予受理须一次性列明全部缺少的材料', 'missing');
      break;
    case 'homeVisit':
      need(INVESTIGATING, '登记入户调查');
      if ((s.payload?.investigators?.length ?? 0) < 2) add('入户调查至少需要 2 名调查人员', 'investigators');
      break;
    case 'verifyRequest': case 'neighbourVisit': need(INVESTIGATING, `登记${STEP_LABELS[s.kind]}`); break;
    case 'verifyResult':
      need(INVESTIGATING, '登记信息核对结果');
      if (!f.verifyRequestedOn) add('尚未提出信息核对申请');
      break;
    case 'democraticReview': {
      need(INVESTIGATING, '登记民主评议');
      const v = s.payload?.review;
      if (!v) { add('缺少民主评议记录', 'review'); break; }
      if (v.agree + v.disagree > v.participants) add('同意与不同意人数之和超过参加人数', 'review.agree');
      if (c.ruleSet === '2012' && v.villagerReps * 3 < v.participants * 2) add('2012办法：村民代表应不少于参加人数的三分之二', 'review.villagerReps');
      if (c.ruleSet === '2012' && !v.allSigned) add('2012办法：全体参加人员须签字', 'review.allSigned');
      break;
    }
    case 'preliminary': {
      need(['待初审', '调查中'], '给出初审意见');
      if (INVESTIGATING.includes(f.stage)) for (const m of missingForPreliminary(c, f)) add(`尚缺${m}`);
      break;
    }
    case 'publicityStart': need(['待公示'], '开始公示'); break;
    case 'publicityEnd': {
      need(['公示中'], '结束公示');
      if (f.publicityStartOn && parseDate(s.date) < parseDate(addDays(f.publicityStartOn, PUBLICITY_DAYS))) {
        add(`公示期为 ${PUBLICITY_DAYS} 天，${addDays(f.publicityStartOn, PUBLICITY_DAYS)} 起方可结束`, 'date');
      }
      break;
    }
    case 'countyVisit': need(OPEN_AFTER_ACCEPT, '登记县级入户核查'); break;
    case 'confirm': case 'refuseConfirm':
      need(['待确认'], s.kind === 'confirm' ? '审核确认' : '作出不予确认');
      if (s.kind === 'confirm' && c.countyVisitRequired && !f.countyVisitOn) add('本案须县级入户核查（近亲属备案或抽查），尚未登记');
      if (s.kind === 'confirm') for (const m of countyVisitMissing(c, f)) add(m);
      if (s.kind === 'refuseConfirm' && !s.payload?.reason?.trim()) add('不予确认须写明理由', 'reason');
      break;
    case 'specialLimit':
      if (CLOSED_STAGES.includes(f.stage)) add(`当前为“${f.stage}”，办结后不能再调整办理时限`);
      if (c.special) add('本案已按特殊情况（45 个工作日）办理');
      if ((s.payload?.reason?.trim().length ?? 0) < 4) add('按特殊情况延长办理时限须写明理由（至少 4 个字）', 'reason');
      break;
    case 'noticeServed':
      need(['不予受理', '不予确认'], '登记告知书送达');
      if (f.noticeServedOn) add('告知书已登记送达');
      break;
  }
  return r;
}

function afterInvestigationStep(c: ProcedureCase, f: Facts): Facts {
  return { ...f, stage: missingForPreliminary(c, f).length === 0 ? '待初审' : '调查中' };
}

/** Applies an allowed step. */
export function applyStep(c: ProcedureCase, f0: Facts, s: StepRecord): Facts {
  const f: Facts = { ...f0, lastDate: s.date };
  const investigated = (g: Facts) => afterInvestigationStep(c, { ...g, firstInvestigationOn: g.firstInvestigationOn ?? s.date });
  switch (s.kind) {
    case 'apply': return f;
    case 'accept': return { ...f, stage: '调查中', acceptedOn: s.date };
    case 'refuseAccept': return { ...f, stage: '不予受理', decidedOn: s.date };
    case 'homeVisit': return investigated({ ...f, homeVisitOn: s.date, objectionOn: null });
    case 'verifyRequest': return investigated({ ...f, verifyRequestedOn: s.date });
    case 'verifyResult': return investigated({ ...f, verifyResultOn: s.date });
    case 'neighbourVisit': return investigated({ ...f, neighbourVisitOn: s.date });
    case 'democraticReview': return investigated({ ...f, reviewOn: s.date, objectionOn: null });
    case 'preliminary': return { ...f, stage: '待公示', publicityRounds: 0 };
    case 'publicityStart': return { ...f, stage: '公示中', publicityStartOn: s.date };
    case 'publicityEnd': {
      if (s.payload?.objection) return { ...f, stage: '调查中', objectionOn: s.date, objectionRaisedOn: s.date, publicityStartOn: null };
      const rounds = f.publicityRounds + 1;
      return { ...f, publicityRounds: rounds, publicityDoneOn: s.date, publicityStartOn: null,
        stage: rounds >= publicityRequired(c) ? '待确认' : '待公示' };
    }
    case 'countyVisit': return { ...f, countyVisitOn: s.date };
    case 'confirm': return { ...f, stage: '已确认', decidedOn: s.date };
    case 'refuseConfirm': return { ...f, stage: '不予确认', decidedOn: s.date };
    case 'noticeServed': return { ...f, noticeServedOn: s.date };
    // Changes the limit only (the case's `special`), not the stage or the order of dates of the other steps.
    case 'specialLimit': return f0;
  }
}

const cnDay = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/**
 * 2021办法 第二十条: a case with an objection in its 公示 or a 信访举报 needs the county's home visit before 审核确认;
 * the visit must come on or after the objection or complaint it answers. Empty = none missing.
 */
export function countyVisitMissing(c: ProcedureCase, f: Facts): string[] {
  const visited = (since: string) => !!f.countyVisitOn && f.countyVisitOn >= since;
  const out: string[] = [];
  if (f.objectionRaisedOn && !visited(f.objectionRaisedOn)) {
    out.push(`本案公示有异议（${cnDay(f.objectionRaisedOn)}），须县级入户核查（第二十条），${cnDay(f.objectionRaisedOn)}以后尚未登记`);
  }
  if (c.complaintOn && !visited(c.complaintOn)) {
    out.push(`本户有信访举报（${cnDay(c.complaintOn)}收到），须县级入户核查（第二十条），${cnDay(c.complaintOn)}以后尚未登记`);
  }
  return out;
}

/** Who recorded a step, as far as telling two accounts apart needs. */
export interface StepAccount { kind: StepKind; userId: number | null; username: string; displayName: string }

/**
 * 初审 and 审核确认 by different accounts (setting applications.separateConfirm, on by default): the refusal naming
 * both steps when the account about to record the 审核确认 (or 不予确认) also gave the 初审意见; null = allowed.
 */
export function sameAccountRefusal(steps: readonly StepAccount[], kind: StepKind, actor: { userId: number | null; username: string }): string | null {
  if (kind !== 'confirm' && kind !== 'refuseConfirm') return null;
  const same = (s: StepAccount) => (s.userId != null && s.userId === actor.userId) || s.username === actor.username;
  const prelim = steps.filter((s) => s.kind === 'preliminary').find(same);
  if (!prelim) return null;
  return `初审意见与${STEP_LABELS[kind]}须由不同账号办理：本案初审意见已由“${prelim.displayName}”登记，`
    + `${STEP_LABELS[kind]}请由另一位有审核确认权限的账号办理`;
}

/** Recomputes the facts from the records (records are trusted: each was checked when inserted). */
export function foldSteps(c: ProcedureCase, steps: readonly StepRecord[]): Facts {
  return steps.reduce((f, s) => applyStep(c, f, s), INITIAL);
}

// ---- deadlines in working days ----
/** `unverified`: years the count crossed without an official calendar — the due date is shown 未核定. */
export interface Deadline { key: string; label: string; due: string; doneOn: string | null; unverified: number[] }
export type DeadlineState = '已完成' | '已逾期' | '即将到期' | '未到期';

export const totalLimit = (c: ProcedureCase) => (c.special ? 45 : c.delegated ? 20 : 30);

export function deadlines(c: ProcedureCase, f: Facts, cal: WorkCalendar): Deadline[] {
  const out: Deadline[] = [];
  const add = (key: string, label: string, start: string, n: number, doneOn: string | null) => {
    const due = addWorkingDays(cal, start, n);
    out.push({ key, label, due, doneOn, unverified: unverifiedYears(cal, start, due) });
  };
  const closedOn = f.stage === '已确认' || f.stage === '不予确认' ? f.decidedOn : null;
  if (f.acceptedOn) {
    add('investigation', '受理后 3 个工作日内启动调查', f.acceptedOn, 3, f.firstInvestigationOn);
    add('total', `全程 ${totalLimit(c)} 个工作日内办结`, f.acceptedOn, totalLimit(c), closedOn);
  }
  if (c.ruleSet === '2012' && f.homeVisitOn && f.verifyResultOn && f.neighbourVisitOn) {
    const investigatedOn = [f.homeVisitOn, f.verifyResultOn, f.neighbourVisitOn].sort().at(-1)!;
    add('review', '调查结束后 5 个工作日内民主评议', investigatedOn, 5, f.reviewOn);
  }
  if (f.publicityDoneOn && (['待确认', '已确认', '不予确认'] as Stage[]).includes(f.stage)) {
    add('confirm', '公示结束后 10 个工作日内审核确认', f.publicityDoneOn, 10, closedOn);
  }
  if ((f.stage === '不予受理' || f.stage === '不予确认') && f.decidedOn) {
    add('notice', '3 个工作日内书面告知理由', f.decidedOn, 3, f.noticeServedOn);
  }
  return out;
}

/** 即将到期 = due within `soon` working days from today. */
export function deadlineState(d: Deadline, today: string, cal: WorkCalendar, soon = 3): DeadlineState {
  if (d.doneOn) return '已完成';
  if (today > d.due) return '已逾期';
  return workingDaysBetween(cal, today, d.due) <= soon ? '即将到期' : '未到期';
}

/** 2012: the county checks at least 30 % of homes; require a visit while the share is below that. */
export function needsCountySample(requiredSoFar: number, casesSoFar: number, share = 0.3): boolean {
  return requiredSoFar < Math.ceil(share * (casesSoFar + 1));
}
