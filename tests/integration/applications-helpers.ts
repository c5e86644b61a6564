import type { Services } from '../../src-main/services';
import { makeIdNumber } from '../../src-main/domain/idNumber';

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
