import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices } from '../helpers/services';
import { duplicates } from '../../src-main/features/ledgers/county';

/**
 * The county's duplicate lists count and page in one GROUP BY (issue 17a). Stored packages are planted in SQL: three
 * townships, one of which sent a corrected second package for the month (only the newest counts).
 */
describe('county duplicate lists: total and pages from one pass', () => {
  let s: ReturnType<typeof testServices>;
  beforeAll(() => {
    s = testServices({ init: true });
    const db = s.handle.sqlite;
    const pkg = db.prepare(`INSERT INTO county_packages (division_code, township_name, period, sequence, manifest_sha256, manifest_json, stats_json,
      imported_at, imported_by) VALUES (?, ?, '2026-10', ?, 'x', '{}', '{}', 'x', 'x')`);
    const person = db.prepare(`INSERT INTO county_persons (package_id, division_code, period, id_number, name, category, village, head_name)
      VALUES (?, ?, '2026-10', ?, ?, ?, '一村', '户主')`);
    const a = Number(pkg.run('510902101000', '甲镇', 1).lastInsertRowid);
    const bOld = Number(pkg.run('510902102000', '乙镇', 1).lastInsertRowid);
    const b = Number(pkg.run('510902102000', '乙镇', 2).lastInsertRowid);
    const c = Number(pkg.run('510902103000', '丙镇', 1).lastInsertRowid);
    for (const n of [1, 2, 3, 4, 5, 6, 7]) person.run(a, '510902101000', `ID${n}`, `甲${n}`, '农村低保');
    for (const n of [2, 4, 6, 9]) person.run(bOld, '510902102000', `ID${n}`, `乙${n}`, '农村低保'); // replaced by b
    for (const n of [1, 3, 5]) person.run(b, '510902102000', `ID${n}`, `乙${n}`, '农村低保');
    for (const n of [5, 7, 8]) person.run(c, '510902103000', `ID${n}`, `丙${n}`, n === 8 ? '特困供养' : '农村低保');
    person.run(c, '510902103000', 'ID8', '丙8', '农村低保');
  });
  afterAll(() => s.close());

  it('every page carries the same total, the pages together list each duplicate once, a page past the end still counts', () => {
    const pages = [1, 2, 3].map((p) => duplicates(s.handle.sqlite, '2026-10', 'townships', p, 2));
    expect(pages.map((p) => p.total)).toEqual([4, 4, 4]);
    expect(pages.flatMap((p) => p.items.map((i) => i.idNumber))).toEqual(['ID1', 'ID3', 'ID5', 'ID7']);
    expect(pages[1].items[0].entries.map((e) => e.township)).toEqual(['甲镇', '乙镇', '丙镇']); // ID5; ID2/4/6 were only in 乙镇's replaced package
    expect(pages[1].items[1].entries.map((e) => e.township)).toEqual(['甲镇', '丙镇']);
    expect(pages[2]).toMatchObject({ total: 4, items: [] });
    expect(duplicates(s.handle.sqlite, '2026-10', 'tekun', 1, 50)).toMatchObject({ total: 1, items: [{ idNumber: 'ID8' }] });
    expect(duplicates(s.handle.sqlite, '2026-09', 'townships', 1, 50)).toMatchObject({ total: 0, items: [] });
  });
});
