import { z } from 'zod';
import { CATEGORIES, DISABILITY_TYPES, HEALTH, HOUSEHOLD_STATUSES, INCOME_TYPES, LABOUR_CAPACITY, MEMBER_EXITS,
  POVERTY_CAUSES, RELATIONS } from '../../domain/glossary';

/** Input shapes of the households channels (zod messages are zh-CN; ours are written out). */
function noDefaults<T extends Record<string, z.ZodType>>(shape: T): { [K in keyof T]: T[K] extends z.ZodDefault<infer I> ? I : T[K] } {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v])) as never;
}
const text = (max: number) => z.string().trim().max(max).default('');
import { id, isoDate, isoMonth } from '../../ipc/schemas';
export { isoDate, isoMonth, id } from '../../ipc/schemas';

const memberShape = {
  name: z.string().trim().min(1, '请填写姓名').max(30),
  relation: z.enum(RELATIONS, '请选择与户主关系'),
  health: z.enum(HEALTH).default('健康'),
  illnessType: text(40),
  disabilityType: z.union([z.enum(DISABILITY_TYPES), z.literal('')]).default(''),
  disabilityGrade: z.number().int().min(1, '残疾等级为 1–4 级').max(4, '残疾等级为 1–4 级').nullable().default(null),
  disabilityCertNo: text(30),
  labourCapacity: z.enum(LABOUR_CAPACITY).default('有'),
  employment: text(60),
  school: text(60),
  hukou: text(60),
  phone: z.string().trim().regex(/^(\d{7,12}|1\d{10}|)$/, '电话应为 7–12 位数字').default(''),
};
export const memberFacts = z.object(memberShape);
export const memberPatch = z.object(noDefaults(memberShape)).partial();
export const newMember = memberFacts.extend({ idNumber: z.string().trim().min(1, '请填写身份证号').max(20) });
export type NewMember = z.output<typeof newMember>;

const householdShape = {
  category: z.enum(CATEGORIES, '请选择保障类别'),
  status: z.enum(HOUSEHOLD_STATUSES).default('申请中'),
  villageId: id,
  groupId: id.nullable().default(null),
  address: text(120),
  certificateNo: z.string().trim().max(40).nullable().default(null),
  startMonth: isoMonth.nullable().default(null),
  causes: z.array(z.enum(POVERTY_CAUSES)).max(9).default([]),
  housing: text(200),
  vehicles: text(200),
  propertyNotes: text(500),
  bankName: text(40),
  bankAccount: z.string().trim().regex(/^\d{0,30}$/, '银行账号只能是数字').default(''),
  edgeFamily: z.boolean().default(false),
  flags: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
};
export const householdFacts = z.object(householdShape);
export type HouseholdFacts = z.output<typeof householdFacts>;
/** A patch changes only the keys it names: the defaults of the full shape must not fill the rest. */
export const householdPatch = z.object(noDefaults(householdShape)).partial()
  // Decided fields (domain/caseRecord) are accepted here only so that the store refuses them by name, instead of
  // zod dropping them in silence.
  .extend({ monthlyAmountFen: z.unknown().optional(), topUpFen: z.unknown().optional(), coveredCount: z.unknown().optional() });

/** Who did it, when and why: every change on the timeline carries these. */
export const change = { date: isoDate.optional(), reason: z.string().trim().max(200).default('') };
export const requiredReason = z.string().trim().min(1, '请填写原因').max(200);

export const memberExit = z.object({ memberId: id, kind: z.enum(MEMBER_EXITS), date: isoDate, reason: requiredReason });

export const incomeItem = z.object({
  memberId: id,
  type: z.enum(INCOME_TYPES),
  monthlyFen: z.number().int('金额以分计，应为整数').min(0).max(100_000_000),
  excluded: z.boolean().default(false),
  deducted: z.boolean().default(false),
  note: text(100),
  ...change,
});

export const SORTS = ['id', 'head', 'village', 'category', 'status', 'startMonth', 'amount'] as const;
export const listInput = z.object({
  q: z.string().trim().max(40).default(''),
  category: z.enum(CATEGORIES).optional(),
  status: z.enum(HOUSEHOLD_STATUSES).optional(),
  villageId: id.optional(),
  flag: z.string().max(20).optional(),
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(500).default(100),
  sort: z.enum(SORTS).default('id'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type ListInput = z.output<typeof listInput>;
