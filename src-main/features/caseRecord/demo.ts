import type Database from 'better-sqlite3';
import type { Actor, HandlerContext } from '../../ipc/contract';
import type { DemoExtension } from '../demo/extensions';
import { appendAudit } from '../audit/chain';
import { addDaysIso } from '../../domain/caseRecord';
import { exitMember, addIncome } from '../households/members';

const CLERK: Actor = { userId: null, username: 'jingban', displayName: '李经办', role: 'clerk' };

/**
 * What the demo plants on purpose, recorded the way a clerk records it, so they show as 待办 (待调整) within their
 * time limits instead of being paid on silently: a member of a paid family died three days ago, and another
 * family's son found work two days ago.
 */
export const caseRecordDemo: DemoExtension = (sqlite, { today }) => {
  const ctx = demoContext(sqlite);
  const family = (min: number, skip: number[]) => (sqlite.prepare(`SELECT h.id FROM households h WHERE h.status = '在保' AND h.cover_mode = '整户保'
      AND (SELECT COUNT(*) FROM members m WHERE m.household_id = h.id AND m.state = '在户') >= ? ORDER BY h.id`).pluck().all(min) as number[])
    .find((id) => !skip.includes(id));
  const notHead = (householdId: number) => sqlite.prepare(`SELECT m.id FROM members m JOIN households h ON h.id = m.household_id
      WHERE m.household_id = ? AND m.state = '在户' AND m.id <> h.head_member_id ORDER BY m.id DESC`).pluck().get(householdId) as number;
  const bereaved = family(3, []);
  if (bereaved) exitMember(ctx, { memberId: notHead(bereaved), kind: '死亡', date: addDaysIso(today, -3), reason: '村委会报告：因病去世' });
  const working = family(2, bereaved ? [bereaved] : []);
  if (working) addIncome(ctx, { memberId: notHead(working), type: '工资性收入', monthlyFen: 180_000, excluded: false, deducted: false,
    note: '县城务工', date: addDaysIso(today, -2), reason: '村委会反映：长子在县城务工，月工资约 1800 元' });
};

/** The context a demo writer runs in (no router): audit rows go to the chain as the demo clerk. */
function demoContext(sqlite: Database.Database): HandlerContext {
  const ctx = {
    sqlite, actor: CLERK, db: undefined as never, dataDir: '', channel: 'demo', sessionId: null,
    audit: (e: Parameters<HandlerContext['audit']>[0]) => { appendAudit(sqlite, CLERK, 'demo', e); },
    tx: <T>(fn: () => T) => fn(), progress: () => undefined, cancelled: () => false,
    inWorker: () => Promise.reject(new Error('演示数据不使用后台任务')), txSliced: <T>(fn: () => Promise<T>) => fn(),
    session: { bind: () => '', end: () => undefined },
  };
  // Cast: HandlerContext is growing fields this session; the demo writers use none beyond these.
  return ctx as unknown as HandlerContext;
}
