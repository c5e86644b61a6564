import { workerJobs } from '../../jobs/contract';
import { allPairs, type Pair } from './matching';

export interface ComparedInWorker { pairs: Pair[]; relatives: number; members: number }

/** 全面比对 reads in a worker: the join of every declared relative with every member (the channel records the result). */
export const supervisionJobs = workerJobs({
  'supervision.comparePairs': (ctx): ComparedInWorker => ({
    pairs: allPairs(ctx.sqlite),
    relatives: ctx.sqlite.prepare('SELECT COUNT(*) FROM staff_relatives WHERE removed_at IS NULL').pluck().get() as number,
    members: ctx.sqlite.prepare('SELECT COUNT(*) FROM members').pluck().get() as number,
  }),
});
