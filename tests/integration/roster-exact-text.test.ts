import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices, ok } from '../helpers/services';
import { saveToInbox } from '../../src-main/ipc/files';
import { largeRoster, writeLargeRoster, type LargeMember } from '../fixtures/rosters/large';

/**
 * Issue 16 item 1: exceljs's streaming reader turned names into 曾��晓 in large files without any error. This imports
 * 20,000 households (~40,000 members, names from the whole CJK block and Extension B) for real and compares every
 * name, village, group and relation in the database with the file. Zero differences, or the test lists them.
 */
const HOUSEHOLDS = 20_000;
type S = ReturnType<typeof testServices>;
let s: S;
let roster: ReturnType<typeof largeRoster>;
beforeAll(() => { s = testServices(); roster = largeRoster(HOUSEHOLDS); });
afterAll(() => s.close());

describe('roster import keeps text exact at any size', () => {
  it(`imports ${HOUSEHOLDS} households and every name, village, group and relation equals the file`, async () => {
    expect(roster.members.some((m) => /[\u{20000}-\u{2A6DF}]/u.test(m.name))).toBe(true); // Extension B is really in there
    expect(new Set(roster.members.map((m) => m.name)).size).toBeGreaterThan(30_000);
    const file = path.join(s.dir, '大花名册.xlsx');
    await writeLargeRoster(file, roster);
    const inboxName = saveToInbox(s.dir, '大花名册.xlsx', fs.readFileSync(file));
    const r = await ok(s, 'households.importRoster', { inboxName, dryRun: false });
    expect(r.errors).toBe(0);
    expect(r.imported).toBe(true);
    expect(r.written.households).toBe(HOUSEHOLDS);

    const stored = s.handle.sqlite.prepare(`SELECT m.name, m.id_number AS idNumber, m.relation, v.name AS village, COALESCE(g.name, '') AS grp,
      h.head_member_id = m.id AS head FROM members m JOIN households h ON h.id = m.household_id JOIN regions v ON v.id = h.village_id
      LEFT JOIN regions g ON g.id = h.group_id`).all() as { name: string; idNumber: string; relation: string; village: string; grp: string; head: number }[];
    const byId = new Map(stored.map((m) => [m.idNumber, m]));
    const diffs: string[] = [];
    const differs = (m: LargeMember) => {
      const d = byId.get(m.idNumber);
      if (!d) return '未导入';
      const got = { name: d.name, village: d.village, group: d.grp, relation: d.relation, head: d.head === 1 };
      const want = { name: m.name, village: m.village, group: m.group, relation: m.relation, head: m.head };
      return JSON.stringify(got) === JSON.stringify(want) ? '' : `${JSON.stringify(want)} → ${JSON.stringify(got)}`;
    };
    for (const m of roster.members) { const d = differs(m); if (d) diffs.push(`${m.idNumber}: ${d}`); }
    expect(stored.length).toBe(roster.members.length);
    expect(diffs.slice(0, 20)).toEqual([]);
    expect(stored.filter((m) => m.name.includes('\uFFFD'))).toEqual([]);
  }, 600_000); // ~20 s alone; minutes while the whole suite and other work share two cores
});
