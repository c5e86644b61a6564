import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { confirmInput, changeInput, listInput, recordInput, reviewInput, specialLimitInput, startInput } from './schemas';
import { id, isoDate } from '../households/schemas';
import { flagNearRelative, recordStep, startApplication, type StepInput } from './cases';
import { endDuePhaseOuts, recordChangeDecision } from './decisions';
import { recordFalseDeclaration } from './integrity';
import { applicationDetail, householdOptions, householdProcedure, listApplications, worklist } from './queries';
import { calculateForHousehold } from './household';
import { localToday } from '../households/store';

/** Splits a step input into the common decision fields and the step's own facts (payload). */
function toStep(i: { kind: string; applicationId: number; date?: string; opinion?: string; reason?: string } & Record<string, unknown>): StepInput {
  const { kind, applicationId: _a, date, opinion, reason, ...payload } = i;
  return { kind: kind as StepInput['kind'], date, opinion, reason, payload };
}

// IPC channels of the applications feature (审核确认). Registered in features/registry.ts.
export const applicationsChannels = {
  'applications.list': channel({
    title: '申请列表（筛选、分页、排序）', permission: 'read', kind: 'query', input: listInput,
    handler: (ctx, i) => listApplications(ctx.sqlite, i),
  }),
  'applications.get': channel({
    title: '申请详情（步骤、期限、核算）', permission: 'read', kind: 'query', input: z.object({ id }),
    handler: (ctx, i) => applicationDetail(ctx.sqlite, i.id),
  }),
  'applications.worklist': channel({
    title: '到期与逾期事项（按村）', permission: 'read', kind: 'query',
    input: z.object({ villageId: id.optional(), include: z.enum(['due', 'all']).default('due'),
      page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50) }),
    handler: (ctx, i) => worklist(ctx.sqlite, i),
  }),
  'applications.householdOptions': channel({
    title: '检索可申请的户（户主姓名、拼音首字母、档案号）', permission: 'read', kind: 'query',
    input: z.object({ q: z.string().trim().max(40).default('') }),
    handler: (ctx, i) => householdOptions(ctx.sqlite, i.q),
  }),
  'applications.forHousehold': channel({
    title: '某户的申请、决定记录与保障金核算', permission: 'read', kind: 'query', input: z.object({ householdId: id }),
    handler: (ctx, i) => householdProcedure(ctx.sqlite, i.householdId),
  }),
  'applications.calculate': channel({
    title: '按现有收入核算月保障金（逐步说明）', permission: 'read', kind: 'query',
    input: z.object({ householdId: id, date: isoDate.optional() }),
    handler: (ctx, i) => calculateForHousehold(ctx.sqlite, i.householdId, i.date ?? localToday()),
  }),
  'applications.start': channel({
    title: '登记低保申请', permission: 'case.write', kind: 'mutation', input: startInput,
    handler: (ctx, i) => startApplication(ctx, i),
  }),
  'applications.record': channel({
    title: '经办人登记办理步骤（受理、调查、公示等）', permission: 'case.write', kind: 'mutation', input: recordInput,
    handler: (ctx, i) => recordStep(ctx, i.applicationId, toStep(i)),
  }),
  'applications.review': channel({
    title: '审核人给出初审意见', permission: 'case.review', kind: 'mutation', input: reviewInput,
    handler: (ctx, i) => recordStep(ctx, i.applicationId, toStep(i)),
  }),
  'applications.confirm': channel({
    title: '审核确认或不予确认', permission: 'case.confirm', kind: 'mutation', input: confirmInput,
    handler: (ctx, i) => recordStep(ctx, i.applicationId, toStep(i)),
  }),
  'applications.setSpecial': channel({
    title: '按特殊情况延长办理时限（45 个工作日，须写明理由）', permission: 'case.review', kind: 'mutation', input: specialLimitInput,
    handler: (ctx, i) => recordStep(ctx, i.applicationId, { kind: 'specialLimit', date: i.date, reason: i.reason, payload: {} }),
  }),
  'applications.flagNearRelative': channel({
    title: '标记近亲属单独登记备案（须县级入户核查）', permission: 'case.write', kind: 'mutation',
    input: z.object({ applicationId: id, note: z.string().trim().min(1, '请写明与哪位工作人员或村(居)委会成员为何种关系').max(200) }),
    handler: (ctx, i) => { flagNearRelative(ctx, i.applicationId, i.note); return { id: i.applicationId }; },
  }),
  'applications.falseDeclaration': channel({
    title: '登记虚假申报（诚信记录）', permission: 'case.write', kind: 'mutation',
    input: z.object({ householdId: id, applicationId: id.optional(), date: isoDate, note: z.string().trim().min(1, '请写明虚假申报的情况').max(500) }),
    handler: (ctx, i) => recordFalseDeclaration(ctx, i),
  }),
  'applications.changeDecision': channel({
    title: '在保户变更决定（维持、增发、减发、停保、渐退）', permission: 'case.confirm', kind: 'mutation', input: changeInput,
    handler: (ctx, i) => recordChangeDecision(ctx, i),
  }),
  'applications.endPhaseOuts': channel({
    title: '渐退期满的户转为停保', permission: 'case.confirm', kind: 'mutation', input: z.object({ asOf: isoDate.optional() }),
    handler: (ctx, i) => endDuePhaseOuts(ctx, i.asOf ?? localToday()),
  }),
};
