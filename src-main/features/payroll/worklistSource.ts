import type { WorklistSource } from '../worklist/engine';
import { addMonths } from '../../domain/payroll';
import { monthRow } from './snapshot';

const label = (p: string) => `${Number(p.slice(0, 4))}年${Number(p.slice(5, 7))}月`;

/**
 * 首页: last month's payroll still open. The county's statistics are due by the 4th and only a closed (锁定) month
 * exports, so the 审核人 closes it by then.
 */
export const payrollWorklist: WorklistSource = {
  id: 'payroll.close', label: '月度发放名册待锁定',
  items: (w) => {
    const month = w.today.slice(0, 7);
    const last = addMonths(month, -1);
    if (monthRow(w.ctx.sqlite, last)) return [];
    return [{ key: `payroll:${last}`, kind: '发放待锁定', title: `${label(last)}发放名册尚未锁定（锁定后才能生成银行清单和报送包）`,
      due: `${month}-04`, villageId: null, village: null, waitsFor: ['reviewer', 'admin'], link: '/payroll' }];
  },
};
