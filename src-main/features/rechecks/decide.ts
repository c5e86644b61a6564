import type { HandlerContext } from '../../ipc/contract';
import { recordChangeDecision } from '../applications/decisions';
import type { Outcome } from './campaigns';

export interface OutcomeInput {
  householdId: number; outcome: Exclude<Outcome, '维持'>; reason: string; newAmountFen: number | null; newTopUpFen?: number; date: string;
  phaseOutMonths?: number; source: '复核' | '专项治理'; sourceRef: string;
  /** 渐退 (第三十三条): confirmed that income rose above the standard through work, and how. */
  workIncomeConfirmed?: boolean; workIncomeNote?: string;
}

/**
 * A stop or adjustment from a recheck goes through the procedure's change decision (applications feature): one
 * place sets the household's status and amount, and 减发/停保 get a written notice with the reason.
 */
export function applyOutcome(ctx: HandlerContext, i: OutcomeInput) {
  const r = recordChangeDecision(ctx, { householdId: i.householdId, decision: i.outcome, reason: i.reason, date: i.date,
    newAmountFen: i.newAmountFen ?? undefined, newTopUpFen: i.newTopUpFen, phaseOutMonths: i.phaseOutMonths, source: i.source, sourceRef: i.sourceRef,
    workIncomeConfirmed: i.workIncomeConfirmed, workIncomeNote: i.workIncomeNote });
  return { changeId: r.id, amountFen: r.amountFen, needsNotice: r.needsNotice, phaseOutEndMonth: r.phaseOutEndMonth };
}

/** The notice document the applications feature prints for a change decision. */
export const CHANGE_NOTICE_DOCUMENT = 'applications.changeNotice';
