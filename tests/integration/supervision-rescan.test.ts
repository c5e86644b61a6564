import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ok, testServices } from '../helpers/services';
import { makeIdNumber } from '../../src-main/domain/idNumber';
import { recordFullComparison } from '../../src-main/features/supervision/matching';

/**
 * 全面比对 (issue 17 item 2): the join reads in a worker, the matches are written in main with their audit rows,
 * the clerk sees what it does, and a pair from the worker's snapshot that no longer holds is not recorded.
 */
describe('supervision.cases.rescan in a worker', () => {
  let s: ReturnType<typeof testServices>;
  beforeAll(() => { s = testServices({ demo: true, households: 40 }); });
  afterAll(() => s?.close());
  const sqlite = () => s.handle.sqlite;

  /** A relative planted straight into the table (as an import by another tool would), so no listener matched it. */
  function plantRelative(memberId: number) {
    const m = sqlite().prepare('SELECT id_number AS idNumber, name FROM members WHERE id = ?').get(memberId) as { idNumber: string; name: string };
    const staffId = sqlite().prepare('SELECT id FROM supervised_staff WHERE active = 1 ORDER BY id LIMIT 1').pluck().get() as number;
    const cols = sqlite().prepare('PRAGMA table_info(staff_relatives)').all() as { name: string; notnull: number; dflt_value: unknown }[];
    const values: Record<string, unknown> = { staff_id: staffId, name: m.name, id_number: m.idNumber, relation: '兄弟姐妹' };
    for (const c of cols) if (c.notnull && c.dflt_value === null && !(c.name in values) && c.name !== 'id') values[c.name] = c.name.endsWith('_at') ? new Date().toISOString() : '';
    const keys = Object.keys(values);
    return Number(sqlite().prepare(`INSERT INTO staff_relatives (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(...keys.map((k) => values[k])).lastInsertRowid);
  }
  const unmatchedMember = () => sqlite().prepare(`SELECT m.id FROM members m WHERE NOT EXISTS (SELECT 1 FROM relative_matches x WHERE x.member_id = m.id)
    AND NOT EXISTS (SELECT 1 FROM staff_relatives r WHERE r.id_number = m.id_number) ORDER BY m.id LIMIT 1`).pluck().get() as number;

  it('finds a relative no listener matched, says what it does, and audits the match', async () => {
    const memberId = unmatchedMember();
    const relativeId = plantRelative(memberId);
    const seen: string[] = [];
    s.router.events.on('progress', (p) => { if (p.jobId === 'rescan-1') seen.push(p.message ?? ''); });
    const r = await s.router.call({ channel: 'supervision.cases.rescan', input: {}, actor: ADMIN, jobId: 'rescan-1' });
    expect(r).toMatchObject({ ok: true, value: { added: 1 } });
    expect(seen[0]).toBe('正在按身份证号比对全部近亲属与全部家庭成员…');
    expect(seen).toContainEqual(expect.stringMatching(/^已比对 \d+ 名近亲属 × \d+ 名家庭成员，正在登记…$/));
    expect(seen.at(-1)).toBe('比对完成，新发现 1 条');
    expect(sqlite().prepare("SELECT trigger FROM relative_matches WHERE relative_id = ? AND member_id = ?").pluck().get(relativeId, memberId)).toBe('全面比对');
    const audit = await ok(s, 'audit.list', { entity: 'relative_match' });
    expect(audit.total).toBeGreaterThan(0);
    // a second comparison finds nothing new
    expect(await ok(s, 'supervision.cases.rescan', {})).toMatchObject({ added: 0 });
  });

  it('a pair from the snapshot whose relative was removed, or whose 身份证号 was corrected, since is not recorded', () => {
    const a = unmatchedMember();
    const ra = plantRelative(a);
    sqlite().prepare("UPDATE staff_relatives SET removed_at = '2026-11-20' WHERE id = ?").run(ra);
    const b = unmatchedMember();
    const rb = plantRelative(b);
    const household = (m: number) => sqlite().prepare('SELECT household_id FROM members WHERE id = ?').pluck().get(m) as number;
    sqlite().prepare('UPDATE members SET id_number = ? WHERE id = ?').run(makeIdNumber('510902', '1961-06-06', 913, true), b);
    const ids = sqlite().transaction(() => recordFullComparison({ sqlite: sqlite(), audit: () => {} },
      [{ relativeId: ra, memberId: a, householdId: household(a) }, { relativeId: rb, memberId: b, householdId: household(b) }]))();
    expect(ids).toEqual([]);
  });
});
