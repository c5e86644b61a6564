import type { Check } from '../../cli/checks';
import { tamperedMonths } from './snapshot';

/** `cli check`: every closed month's frozen payroll still matches what was locked (digest, total, households). */
export const payrollSnapshotCheck: Check = (s) => {
  const bad = tamperedMonths(s.handle.sqlite);
  return { name: '已锁定月份的发放名册未被改动', ok: bad.length === 0,
    details: bad.length ? { problems: bad.map((p) => `${p} 的发放名册与锁定时的校验值不符`) } : {} };
};
