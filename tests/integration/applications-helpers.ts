import type { Services } from '../../src-main/services';
import { makeIdNumber } from '../../src-main/domain/idNumber';
import { actorOf, ok } from '../helpers/services';

let seq = 500;

/** Inserts a rural household of head, spouse and a minor child with a monthly income on the head (fen). */
export function seedHousehold(s: Services, o: { status?: string; incomeFen?: number; monthlyFen?: number } = {}): number {
  const db = s.handle.sqlite;
  const township = (db.prepare("SELECT id FROM regions WHERE level = 'township'").get() as { id: number }).id;
  const village = Number(db.prepare("INSERT INTO regions (parent_id, level, name, sort) VALUES (?, 'village', ?, 1)").run(township, `石桥村${seq}`).lastInsertRowid);
  const now = new Date().toISOString();
  const hh = Number(db.prepare(`INSERT INTO households (category, status, village_id, monthly_amount_fen, created_at, updated_at)
    VALUES ('农村低保', ?, ?, ?, ?, ?)`).run(o.status ?? '申请中', village, o.monthlyFen ?? 0, now, now).lastInsertRowid);
  const member = (name: string, relation: string, birth: string, male: boolean) => Number(db.prepare(`INSERT INTO members
    (household_id, name, id_number, sex, birth_date, relation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(hh, name, makeIdNumber('510902', birth, ++seq, male), male ? '男' : '女', birth, relation, now).lastInsertRowid);
  const head = member('张建国', '户主', '1980-03-01', true);
  member('李秀英', '配偶', '1982-05-01', false);
  member('张子豪', '长子', '2015-06-01', true);
  db.prepare('UPDATE households SET head_member_id = ? WHERE id = ?').run(head, hh);
  if (o.incomeFen) db.prepare("INSERT INTO income_items (member_id, type, monthly_fen) VALUES (?, '工资性收入', ?)").run(head, o.incomeFen);
  return hh;
}

/** The 中山 example as settings: standard 1100 元, minors +40 %. */
export function zhongshanSettings(s: Services) {
  const set = (key: string, value: unknown) => s.handle.sqlite.prepare('INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
    .run(key, JSON.stringify(value), new Date().toISOString());
  set('benefit.standards', { 2025: { 农村: { monthlyFen: 110000 }, 城市: { monthlyFen: 110000 } } });
  set('benefit.rules', { topUps: { 未成年人: { percent: 40 } } });
}

const clerk = actorOf('clerk');
const reviewer = actorOf('reviewer');

/**
 * Runs a new case of `householdId` from 申请 (2025-09-24) through 民主评议, the 审核人's opinion and a 公示 without
 * objection to 待确认 (2025-10-17), as a clerk and a reviewer would; returns the application id.
 */
export async function caseAwaitingConfirmation(s: Services, householdId: number, presentMembers = ['张建国']): Promise<number> {
  const { id } = await ok(s, 'applications.start', { householdId, appliedOn: '2025-09-24', reason: '户主因病收入低' }, clerk);
  const rec = (input: Record<string, unknown>) => ok(s, 'applications.record', { applicationId: id, ...input }, clerk);
  await rec({ kind: 'accept', date: '2025-09-26' });
  await rec({ kind: 'homeVisit', date: '2025-09-28', investigators: ['王调查', '刘村干'], presentMembers, findings: '住房为土木结构' });
  await rec({ kind: 'verifyRequest', date: '2025-09-28' });
  await rec({ kind: 'verifyResult', date: '2025-10-09', result: '无车辆' });
  await rec({ kind: 'neighbourVisit', date: '2025-10-09', neighbours: '邻居赵某', findings: '属实' });
  await rec({ kind: 'democraticReview', date: '2025-10-09', participantNames: ['甲', '乙', '丙'],
    review: { participants: 3, villagerReps: 2, agree: 3, disagree: 0, allSigned: true, conclusion: '同意纳入' } });
  await ok(s, 'applications.review', { applicationId: id, date: '2025-10-10', opinion: '同意' }, reviewer);
  await rec({ kind: 'publicityStart', date: '2025-10-10', place: '村务公开栏' });
  await rec({ kind: 'publicityEnd', date: '2025-10-17', objection: false });
  return id;
}
