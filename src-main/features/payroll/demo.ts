import type Database from 'better-sqlite3';
import type { Actor, HandlerContext } from '../../ipc/contract';
import type { DemoExtension } from '../demo/extensions';
import { appendAudit } from '../audit/chain';
import { addMonths, monthsBetween } from '../../domain/payroll';
import { closeMonth } from './close';

const REVIEWER: Actor = { userId: null, username: 'shenhe', displayName: '王审核', role: 'reviewer' };

/**
 * The demo office has paid every month of the current year up to last month: each is closed (锁定) by the 审核人 on
 * the 3rd of the next month through the real close, so 本年累计 is the sum of real payrolls and last month's
 * package exports on a fresh demo.
 */
export const payrollDemo: DemoExtension = (sqlite, { today }) => {
  const last = addMonths(today.slice(0, 7), -1);
  for (const period of monthsBetween(`${last.slice(0, 4)}-01`, last)) {
    const closedOn = `${addMonths(period, 1)}-03`;
    closeMonth(demoContext(sqlite), period, closedOn < today ? closedOn : today, today);
  }
};

/** The parts of a handler context closing a month uses (audit in the surrounding demo transaction). */
function demoContext(sqlite: Database.Database): HandlerContext {
  const ctx: Pick<HandlerContext, 'sqlite' | 'actor' | 'dataDir' | 'channel' | 'sessionId' | 'audit' | 'tx' | 'progress' | 'cancelled'> = {
    sqlite, actor: REVIEWER, dataDir: '', channel: 'payroll.close', sessionId: null,
    audit: (e) => { appendAudit(sqlite, REVIEWER, 'payroll.close', e); },
    tx: (fn) => fn(), progress: () => undefined, cancelled: () => false,
  };
  return ctx as HandlerContext;
}
