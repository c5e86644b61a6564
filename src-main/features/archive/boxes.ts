import type Database from 'better-sqlite3';

export interface BoxRow { containerKey: string; boxCode: string; village: string; group: string; bags: number; fondsNo: string;
  years: string; retention: string; firstBag: number; lastBag: number }

/** Boxes (one per village group, or per village) with what their spine label shows (DA/T 22: 全宗号, 年度, 保管期限, 起止件号, 盒号). */
export function boxList(sqlite: Database.Database, villageId?: number): BoxRow[] {
  const rows = sqlite.prepare(`SELECT b.container_key AS containerKey, MIN(b.location_code) AS code, MIN(b.cabinet_no) AS cab, MIN(b.box_no) AS box,
    (SELECT name FROM regions r WHERE r.id = b.village_id) AS village, (SELECT name FROM regions r WHERE r.id = b.group_id) AS grp,
    COUNT(*) AS bags, MIN(b.fonds_no) AS fondsNo, MIN(b.year) AS y0, MAX(b.year) AS y1, group_concat(DISTINCT b.retention_code) AS retention,
    MIN(b.bag_no) AS firstBag, MAX(b.bag_no) AS lastBag
    FROM archive_bags b WHERE b.status <> '已处置' ${villageId ? 'AND b.village_id = ?' : ''}
    GROUP BY b.container_key ORDER BY cab, box, b.container_key`).all(...(villageId ? [villageId] : [])) as
    { containerKey: string; code: string; village: string; grp: string | null; bags: number; fondsNo: string; y0: number; y1: number;
      retention: string; firstBag: number; lastBag: number }[];
  return rows.map((r) => ({ containerKey: r.containerKey, boxCode: r.code.split('-').slice(0, -1).join('-'), village: r.village ?? '',
    group: r.grp ?? '', bags: r.bags, fondsNo: r.fondsNo, years: r.y0 === r.y1 ? String(r.y0) : `${r.y0}—${r.y1}`,
    retention: r.retention, firstBag: r.firstBag, lastBag: r.lastBag }));
}
