import type Database from 'better-sqlite3';
import type { Actor, HandlerContext } from '../../ipc/contract';
import type { DemoExtension } from '../demo/extensions';
import { appendAudit } from '../audit/chain';
import { recordStep, startApplication, type StepInput } from './cases';
import { addDays } from '../../domain/workdays';

const CLERK: Actor = { userId: null, username: 'jingban', displayName: '李经办', role: 'clerk' };
const REVIEWER: Actor = { userId: null, username: 'shenhe', displayName: '王审核', role: 'reviewer' };

/** The procedure of a demo case, step by step; each case stops at a random depth so the worklist has every stage. */
const PLAN: ((day: (n: number) => string) => StepInput & { by?: Actor })[] = [
  (d) => ({ kind: 'accept', date: d(2) }),
  (d) => ({ kind: 'homeVisit', date: d(4), payload: { investigators: ['李经办', '村干部张明'], presentMembers: ['户主'], findings: '住房简陋，家庭收入低且不稳定' } }),
  (d) => ({ kind: 'verifyRequest', date: d(4) }),
  (d) => ({ kind: 'verifyResult', date: d(9), payload: { result: '未发现车辆、工商登记和财政供养记录' } }),
  (d) => ({ kind: 'neighbourVisit', date: d(9), payload: { neighbours: '同组村民两名', findings: '反映情况属实' } }),
  (d) => ({ kind: 'preliminary', date: d(10), opinion: '同意', reason: '经调查符合条件', by: REVIEWER }),
  (d) => ({ kind: 'publicityStart', date: d(11), payload: { place: '村务公开栏' } }),
];

/** Demo applications for the households the base demo left 申请中, written through the real procedure. */
export const applicationsDemo: DemoExtension = (sqlite, { rng, today }) => {
  const pending = sqlite.prepare("SELECT id FROM households WHERE status = '申请中' ORDER BY id").all() as { id: number }[];
  for (const { id } of pending) {
    const depth = rng.int(0, PLAN.length);
    const start = addDays(today, -(depth * 2 + rng.int(3, 12)));
    const day = (n: number) => minDate(addDays(start, n), today);
    const app = startApplication(demoContext(sqlite, CLERK), { householdId: id, appliedOn: start, reason: '家庭收入低于当地低保标准', applicantName: '', entrusted: false } as never);
    for (const step of PLAN.slice(0, depth).map((p) => p(day))) recordStep(demoContext(sqlite, step.by ?? CLERK), app.id, step);
  }
};

function demoContext(sqlite: Database.Database, actor: Actor): HandlerContext {
  return {
    sqlite, actor, db: undefined as never, dataDir: '', channel: 'demo', sessionId: null,
    audit: (e) => { appendAudit(sqlite, actor, 'demo', e); },
    tx: (fn) => fn(), progress: () => undefined, cancelled: () => false, inWorker: () => Promise.reject(new Error('no worker in the demo builder')), txSliced: (fn) => fn(),
    session: { bind: () => '', end: () => undefined },
  };
}
const minDate = (a: string, b: string) => (a < b ? a : b);
