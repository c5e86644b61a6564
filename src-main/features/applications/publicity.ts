import type { HandlerContext } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { recordStep } from './cases';

export interface PublicityOutcome { applicationId: number; householdId: number; result: '公示无异议' | '异议属实，退回调查' | '未结束'; reason?: string }

/**
 * The end of a 初审公示 period moves each listed case on: no substantiated objection → 公示结束 (to 待确认 or the
 * next round); an objection found 属实/部分属实 → back to investigation (re-investigate or 民主评议). A case the
 * procedure refuses (its own 7 days not yet over) is left as it is and reported.
 */
export function endReviewPublicity(ctx: HandlerContext, postingId: number, closedAt: string): PublicityOutcome[] {
  const cases = ctx.sqlite.prepare(`SELECT a.id, a.household_id AS householdId,
      EXISTS (SELECT 1 FROM notice_objections o WHERE o.posting_id = ? AND o.household_id = a.household_id
        AND o.result IN ('属实', '部分属实')) AS objection
    FROM notice_posting_items i JOIN applications a ON a.household_id = i.household_id AND a.stage = '公示中'
    WHERE i.posting_id = ? ORDER BY a.id`).all(postingId, postingId) as { id: number; householdId: number; objection: number }[];
  return cases.map((c) => {
    try {
      recordStep(ctx, c.id, { kind: 'publicityEnd', date: closedAt,
        payload: { objection: !!c.objection, objectionNote: c.objection ? `公示期间异议经核实属实（张贴记录 ${postingId}）` : '' } });
      return { applicationId: c.id, householdId: c.householdId, result: c.objection ? '异议属实，退回调查' : '公示无异议' };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return { applicationId: c.id, householdId: c.householdId, result: '未结束', reason: e.message };
    }
  });
}
