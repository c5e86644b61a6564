import type { DemoExtension } from '../demo/extensions';
import { assignMissingBags } from './bags';
import { factsRowOf, missingFor } from './queries';
import type Database from 'better-sqlite3';
import type { Rng } from '../demo/random';
import { townshipName } from './terms';

const PROCEDURE = ['申请书', '授权书/诚信承诺', '户口簿/身份证复印件', '收入证明', '残疾证/病历', '近亲属备案表', '入户调查表',
  '民主评议记录', '公示记录及照片', '审核确认表', '复核记录/签字表', '告知书'];

/**
 * Demo: every household gets its bag; most bags hold most of their required papers (catalogue entries
 * without scans), so the completeness report shows a realistic few gaps; a few bags are lent out, one overdue.
 */
export const archiveDemo: DemoExtension = (sqlite, { rng, today }) => {
  const bags = assignMissingBags(sqlite, today);
  const office = `${townshipName(sqlite)}民政办`;
  const insert = sqlite.prepare(`INSERT INTO archive_items (bag_id, doc_type, title, responsible, date, pages, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, '演示数据', ?)`);
  const now = new Date().toISOString();
  for (const b of bags) {
    const r = factsRowOf(sqlite, b.householdId);
    const year = String(b.archiveNo.match(/·(\d{4})/)?.[1] ?? today.slice(0, 4));
    // papers in procedure order: application first, the decision form last, one month apart at most
    const needed = missingFor(sqlite, r, today).sort((x, y) => PROCEDURE.indexOf(x.docType) - PROCEDURE.indexOf(y.docType));
    needed.forEach((m, k) => {
      if (rng.chance(0.08)) return; // leave a realistic gap
      const date = `${year}-${String(Math.min(k + 1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      insert.run(b.bagId, m.docType, m.docType, m.docType.startsWith('申请') || m.docType.startsWith('授权') ? '申请人' : office,
        date < today ? date : today, rng.int(1, 4), now);
    });
  }
  lendSome(sqlite, bags.map((b) => b.bagId), rng, today);
};

function lendSome(sqlite: Database.Database, bagIds: number[], rng: Rng, today: string) {
  const stmt = sqlite.prepare(`INSERT INTO archive_borrowings (bag_id, borrower, purpose, borrowed_at, due_date, lent_by, created_at)
    VALUES (?, ?, ?, ?, ?, '演示数据', ?)`);
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  for (let k = 0; k < Math.min(3, bagIds.length); k++) {
    const back = k === 0 ? 30 : rng.int(1, 10); // the first one is overdue
    stmt.run(bagIds[Math.floor((bagIds.length * (k + 1)) / 4)], rng.pick(['县民政局 张科长', '镇纪委 刘干事', '石桥村 村委会']), rng.pick(['专项治理抽查', '复核调阅', '县级抽查（听查看访）']),
      day(-back), day(-back + 15), new Date().toISOString());
  }
}
