import { afterEach, describe, expect, it } from 'vitest';
import { testServices, dbFingerprint, ok } from '../helpers/services';
import { parseIdNumber } from '../../src-main/domain/idNumber';

const opened: ReturnType<typeof testServices>[] = [];
afterEach(() => { while (opened.length) opened.pop()!.close(); });
const demo = (seed: number, households = 600) => { const s = testServices({ demo: true, seed, households }); opened.push(s); return s; };

describe('demo township', () => {
  it('is deterministic for a seed', () => {
    const norm = (s: ReturnType<typeof testServices>) =>
      JSON.stringify(s.handle.sqlite.prepare('SELECT name, id_number, relation, state FROM members ORDER BY id').all());
    expect(norm(demo(11, 80))).toBe(norm(demo(11, 80)));
    expect(norm(demo(11, 80))).not.toBe(norm(demo(12, 80)));
  });

  it('has about 12 villages, 600 households and 1,500 members with valid 身份证号 of the township region', () => {
    const s = demo(20240304);
    const count = (sql: string) => (s.handle.sqlite.prepare(sql).get() as { n: number }).n;
    expect(count("SELECT COUNT(*) AS n FROM regions WHERE level = 'village'")).toBe(12);
    expect(count('SELECT COUNT(*) AS n FROM households')).toBe(600);
    const members = count('SELECT COUNT(*) AS n FROM members');
    expect(members).toBeGreaterThan(1300);
    expect(members).toBeLessThan(1700);
    const ids = s.handle.sqlite.prepare('SELECT id_number, birth_date, sex FROM members').all() as { id_number: string; birth_date: string; sex: string }[];
    for (const m of ids) {
      const p = parseIdNumber(m.id_number);
      expect(p.ok, m.id_number).toBe(true);
      if (p.ok) expect([p.value.birthDate, p.value.sex]).toEqual([m.birth_date, m.sex]);
      expect(m.id_number.slice(0, 6)).toBe('510902');
    }
  });

  it('mixes categories and statuses, with deceased members and pending applications', async () => {
    const s = demo(20240304);
    const distinct = (col: string) => (s.handle.sqlite.prepare(`SELECT COUNT(DISTINCT ${col}) AS n FROM households`).get() as { n: number }).n;
    expect(distinct('category')).toBeGreaterThanOrEqual(5);
    expect(distinct('status')).toBe(5);
    expect((s.handle.sqlite.prepare("SELECT COUNT(*) AS n FROM members WHERE state = '死亡'").get() as { n: number }).n).toBeGreaterThan(0);
    const summary = await ok(s, 'dashboard.summary', {});
    expect(summary.totals.applying).toBeGreaterThan(0);
    expect(summary.byVillage).toHaveLength(12);
  });

  it('leaves a database whose fingerprint changes only through writes', () => {
    const s = demo(3, 30);
    expect(dbFingerprint(s)).toBe(dbFingerprint(s));
  });
});
