import type { Check } from '../../cli/checks';
import { tamperedMonths } from './snapshot';

/**
 * `cli check`: every closed month is still what was locked: its lines, totals, frozen ledgers and statistics against
 * the digests of the close recorded in the keyed audit chain.
 */
export const payrollSnapshotCheck: Check = (s) => {
  const problems = tamperedMonths(s.handle.sqlite);
  return { name: '已锁定月份的发放名册未被改动', ok: problems.length === 0, details: problems.length ? { problems } : {} };
};
