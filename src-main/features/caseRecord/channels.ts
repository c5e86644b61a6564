import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { CATEGORIES, HOUSEHOLD_STATUSES } from '../../domain/glossary';
import { RULES } from '../../domain/caseRecord';
import { id, isoDate } from '../households/schemas';
import { runCaseCheck } from './check';
import { listOpenTasks } from './tasks';
import { recordCorrection } from './decide';

// IPC channels of the case record: 数据体检, the 待调整/待停保 tasks, and the administrator's 更正.
export const caseRecordChannels = {
  'caseRecord.check': channel({
    title: '数据体检：户档案一致性规则的全部问题（按户、按规则）', permission: 'read', kind: 'query',
    input: z.object({ householdId: id.optional() }),
    handler: (ctx, i) => ({ rules: RULES, ...runCaseCheck(ctx.sqlite, undefined, i.householdId ? [i.householdId] : undefined) }),
  }),
  'caseRecord.count': channel({
    title: '数据体检问题数（首页）', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => { const r = runCaseCheck(ctx.sqlite); return { findings: r.findings.length, households: new Set(r.findings.map((f) => f.householdId)).size }; },
  }),
  'caseRecord.tasks': channel({
    title: '待调整、待停保事项（新旧核算、办理时限）', permission: 'read', kind: 'query', input: z.object({ householdId: id.optional() }),
    handler: (ctx, i) => listOpenTasks(ctx.sqlite, i.householdId),
  }),
  'caseRecord.correct': channel({
    title: '管理员更正状态、金额或保障类别的录入错误（须写明原因，不能改为在保）', permission: 'admin', kind: 'mutation',
    input: z.object({
      householdId: id,
      status: z.enum(HOUSEHOLD_STATUSES).optional(),
      monthlyFen: z.number().int('金额以分计，应为整数').min(0).max(10_000_000).optional(),
      topUpFen: z.number().int('金额以分计，应为整数').min(0).max(10_000_000).optional(),
      category: z.enum(CATEGORIES).optional(),
      date: isoDate.optional(),
      reason: z.string().trim().min(4, '请写明更正原因（至少 4 个字）').max(200),
    }),
    handler: (ctx, i) => recordCorrection(ctx, i),
  }),
};
