import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { RULES } from '../../domain/caseRecord';
import { checkHealth, lastHealth } from './cache';

const summary = (r: { findings: unknown[]; households: number; checkedAt: string } | null) =>
  r && { findings: r.findings.length, households: r.households, checkedAt: r.checkedAt };

// 数据体检 for 首页 and the 数据体检 page: run in a worker, kept until the data changes (./cache.ts).
export const healthChannels = {
  'health.status': channel({
    title: '数据体检：上次结果及是否仍有效（首页）', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => { const { result, fresh } = lastHealth(ctx.sqlite); return { last: summary(result), fresh }; },
  }),
  'health.run': channel({
    title: '数据体检：户档案一致性规则的全部问题（后台运行；数据未变时用上次结果）', permission: 'read', kind: 'job',
    input: z.object({ force: z.boolean().default(false) }),
    handler: async (ctx, i) => ({ rules: RULES, ...(await checkHealth(ctx, i.force)) }),
  }),
};
