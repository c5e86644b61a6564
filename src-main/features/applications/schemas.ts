import { z } from 'zod';
import { RULE_SETS } from '../../domain/procedure';

import { id, isoDate, isoMonth } from '../households/schemas';
const text = (max = 500) => z.string().trim().max(max);
const required = (what: string, max = 500) => z.string().trim().min(1, `请填写${what}`).max(max);
const names = (what: string, min: number) => z.array(z.string().trim().min(1).max(20)).min(min, `${what}至少 ${min} 人`).max(30);

export const startInput = z.object({
  householdId: id,
  appliedOn: isoDate,
  applicantName: text(20).optional(),
  entrusted: z.boolean().default(false),
  reason: text().default(''),
  ruleSet: z.enum(RULE_SETS).optional(),
  delegated: z.boolean().optional(),
  special: z.boolean().default(false),
  /** Why the case needs the special 45-working-day limit (required with `special`, recorded as its own step). */
  specialReason: text().default(''),
}).superRefine((i, c) => {
  if (i.special && i.specialReason.length < 4) {
    c.addIssue({ code: 'custom', path: ['specialReason'], message: '按特殊情况（45 个工作日）办理须写明理由（至少 4 个字）' });
  }
});

/** Sets the special 45-working-day limit on an open case later, with its reason (a step of its own). */
export const specialLimitInput = z.object({
  applicationId: id, date: isoDate.optional(),
  reason: z.string().trim().min(4, '请写明按特殊情况延长办理时限的理由（至少 4 个字）').max(500),
});

const base = { applicationId: id, date: isoDate.optional(), opinion: text(200).default(''), reason: text().default('') };

/** Steps the 经办人 records. */
export const recordInput = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('accept'), nearRelative: z.boolean().default(false), nearRelativeNote: text(200).default('') }),
  z.object({ ...base, kind: z.literal('refuseAccept'), missing: z.array(z.string().trim().min(1).max(100)).min(1, '请一次性列明全部缺少的材料').max(30) }),
  z.object({ ...base, kind: z.literal('homeVisit'), investigators: names('调查人员', 2), presentMembers: names('在场并签字的家庭成员', 1),
    findings: required('调查情况') }),
  z.object({ ...base, kind: z.literal('verifyRequest'), note: text().default('') }),
  z.object({ ...base, kind: z.literal('verifyResult'), result: required('核对结果') }),
  z.object({ ...base, kind: z.literal('neighbourVisit'), neighbours: required('走访对象', 200), findings: required('走访情况') }),
  z.object({ ...base, kind: z.literal('democraticReview'), participantNames: z.array(z.string().trim().min(1).max(20)).max(60).default([]),
    review: z.object({ participants: z.number().int().min(1), villagerReps: z.number().int().min(0), agree: z.number().int().min(0),
      disagree: z.number().int().min(0), allSigned: z.boolean(), conclusion: required('评议结论') }) }),
  z.object({ ...base, kind: z.literal('publicityStart'), place: required('公示地点', 100) }),
  z.object({ ...base, kind: z.literal('publicityEnd'), objection: z.boolean(), objectionNote: text().default('') }),
  z.object({ ...base, kind: z.literal('countyVisit'), visitors: names('核查人员', 1), findings: required('核查情况') }),
  z.object({ ...base, kind: z.literal('noticeServed'), how: text(100).default('当面送达') }),
]);
export type RecordInput = z.output<typeof recordInput>;

/** The 审核人's 初审意见. */
export const reviewInput = z.object({ ...base, kind: z.literal('preliminary').default('preliminary'), opinion: z.enum(['同意', '不同意']) });

/**
 * The county's decision, entered from its reply when the township is not delegated (required then; cases.ts
 * checks it against the case, since only the case knows whether it is delegated).
 */
export const countyDecisionInput = z.object({
  decider: required('县级审核确认人', 40),
  unit: required('县级民政部门（单位）', 60),
  documentNo: required('文号', 60),
  decidedOn: isoDate,
});
export type CountyDecisionInput = z.output<typeof countyDecisionInput>;

/** The confirming role's decision. */
export const confirmInput = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('confirm'), county: countyDecisionInput.optional() }),
  z.object({ ...base, kind: z.literal('refuseConfirm'), reason: required('不予确认的理由'), county: countyDecisionInput.optional() }),
]);

export const CHANGE_DECISIONS = ['维持', '增发', '减发', '停保', '渐退'] as const;
export const changeInput = z.object({
  householdId: id,
  decision: z.enum(CHANGE_DECISIONS),
  reason: required('理由'),
  date: isoDate.optional(),
  effectiveMonth: isoMonth.optional(),
  newAmountFen: z.number().int().min(0).optional(),
  newTopUpFen: z.number().int().min(0).optional(),
  phaseOutMonths: z.number().int().min(1).max(12).optional(),
  /** 渐退 only (2021办法 第三十三条): the decider confirms the income rose above the standard through work, and how. */
  workIncomeConfirmed: z.boolean().optional(),
  workIncomeNote: text(200).optional(),
  source: text(40).default('审核确认'),
  sourceRef: text(80).default(''),
});
export type ChangeInput = z.input<typeof changeInput>;

export const SORTS = ['id', 'appliedOn', 'stage', 'village', 'head'] as const;
export const listInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
  sort: z.enum(SORTS).default('id'),
  desc: z.boolean().default(true),
  stage: z.string().max(10).optional(),
  open: z.boolean().optional(),
  villageId: id.optional(),
  q: text(40).optional(),
});
export type ListInput = z.output<typeof listInput>;
