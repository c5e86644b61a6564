import { workerJobs } from '../../jobs/contract';
import { runCaseCheck } from '../caseRecord/check';
import type { CaseCheckResult } from '../caseRecord/check';

/** 数据体检 in a worker: the case-record rules over every household take seconds at county scale (~9 s at 40,000). */
export const healthJobs = workerJobs({
  'health.caseCheck': (ctx, i: { today: string }): CaseCheckResult => {
    ctx.progress({ done: 0, total: 0, message: '正在体检：逐户核对户档案一致性规则…' });
    return runCaseCheck(ctx.sqlite, i.today);
  },
});
