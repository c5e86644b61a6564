import type { Services } from '../../src-main/services';
import { recordImported } from '../../src-main/features/caseRecord/decide';

/**
 * Puts a household on the roll the only way an existing case gets there without the procedure: 建档导入, the
 * record a roster import writes (status and amounts on the household row, and the decision-like record behind them).
 */
export function paidByImport(s: Services, householdId: number, monthlyFen = 60000, date = '2025-04-01') {
  s.handle.sqlite.transaction(() => {
    s.handle.sqlite.prepare("UPDATE households SET status = '在保', monthly_amount_fen = ?, top_up_fen = 0 WHERE id = ?").run(monthlyFen, householdId);
    recordImported(s.handle.sqlite, { householdId, date, status: '在保', monthlyFen, topUpFen: 0, operator: '测试' });
  })();
}
