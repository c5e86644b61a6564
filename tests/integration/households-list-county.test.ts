import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { testServices, ok } from '../helpers/services';
import { previousList } from '../../bench/legacyList';
import { staleHeadPinyin, headPinyinCheck } from '../../src-main/features/households/checks';
import { openDatabase, DB_FILE_NAME } from '../../src-main/db/connection';
import { migrationsDir } from '../../src-main/paths';

/**
 * Issue 17a: the households list is counted and paged from indexes (search from the members indexes, sort by head from
 * households.head_pinyin kept by triggers). The clerk must see exactly what the old query showed: the oracle is the
 * query as it was before (bench/legacyList.ts: join to the head for the sort, every match probed in households).
 */
describe('households list at county scale: same answers from the indexes', () => {
  let s: ReturnType<typeof testServices>;
  beforeAll(() => { s = testServices({ demo: true, households: 300, seed: 5 }); });
  afterAll(() => s.close());

  const sample = () => s.handle.sqlite.prepare(`SELECT m.name, m.id_number AS id, m.pinyin_initials AS py, m.pinyin_full AS full
    FROM members m ORDER BY m.id LIMIT 8`).all() as { name: string; id: string; py: string; full: string }[];

  it('every search kind, alone and with filters, in every sort, returns the same total and rows in the same order as before', async () => {
    const village = s.handle.sqlite.prepare("SELECT id, name FROM regions WHERE level = 'village' ORDER BY id LIMIT 1").get() as { id: number; name: string };
    const queries = ['', village.name.slice(0, 2), '村', ...sample().flatMap((m) => [m.name, m.name.slice(0, 1), m.id, m.id.slice(-4), m.id.slice(-6),
      m.id.slice(-5), m.py, m.py.slice(0, 1), m.full, m.full.slice(0, 3)])];
    const filters = [{}, { status: '在保' }, { villageId: village.id }, { status: '在保', villageId: village.id }, { category: '农村低保' }];
    const sorts = [{ sort: 'id', dir: 'desc' }, { sort: 'id', dir: 'asc' }, { sort: 'head', dir: 'asc' }, { sort: 'head', dir: 'desc' },
      { sort: 'amount', dir: 'desc' }, { sort: 'village', dir: 'asc' }];
    let compared = 0; let nonEmpty = 0;
    for (const q of new Set(queries)) for (const f of filters) for (const o of sorts) for (const page of [0, 1]) {
      const input = { q, ...f, ...o, page, pageSize: 7 };
      const want = previousList(s.handle.sqlite, input);
      const got = await ok(s, 'households.list', input);
      expect({ input, total: got.total, ids: got.rows.map((r: { id: number }) => r.id) }).toEqual({ input, ...want });
      compared++; if (want.ids.length) nonEmpty++;
    }
    expect(compared).toBeGreaterThan(3000);
    expect(nonEmpty).toBeGreaterThan(compared / 3); // the comparison is not between empty pages
  });

  it('a household without a head sorts first by head (as the join did), and a search counts each household once', async () => {
    const two = s.handle.sqlite.prepare(`SELECT household_id FROM members GROUP BY household_id HAVING COUNT(*) >= 2 LIMIT 1`).pluck().get() as number;
    const names = s.handle.sqlite.prepare('SELECT name FROM members WHERE household_id = ?').pluck().all(two) as string[];
    // both members match the common surname: the household is counted once
    const r = await ok(s, 'households.list', { q: names[0].slice(0, 1), pageSize: 500 });
    expect(new Set(r.rows.map((x: { id: number }) => x.id)).size).toBe(r.rows.length);
    expect(r.total).toBe(previousList(s.handle.sqlite, { q: names[0].slice(0, 1) }).total);
  });
});

describe('households.head_pinyin stays the head\'s pinyin on every write path', () => {
  let s: ReturnType<typeof testServices>;
  afterEach(() => s?.close());
  const headPinyinOf = (id: number) => s.handle.sqlite.prepare('SELECT head_pinyin FROM households WHERE id = ?').pluck().get(id);
  const order = async () => (await ok(s, 'households.list', { sort: 'head', dir: 'asc', pageSize: 500 })).rows.map((r: { headName: string }) => r.headName);
  /** The list sorted by head equals the old join's order (the head's pinyin read from members). */
  const sortedAsTheJoin = async () => {
    for (const dir of ['asc', 'desc']) {
      const got = (await ok(s, 'households.list', { sort: 'head', dir, pageSize: 500 })).rows.map((r: { id: number }) => r.id);
      expect(got).toEqual(previousList(s.handle.sqlite, { sort: 'head', dir, pageSize: 500 }).ids);
    }
  };

  it('demo, new household, renamed head and changed head: the copy follows and the list order with it', async () => {
    s = testServices({ demo: true, households: 40, seed: 3 });
    expect(staleHeadPinyin(s.handle.sqlite).count).toBe(0);
    const village = s.handle.sqlite.prepare("SELECT id FROM regions WHERE level = 'village' LIMIT 1").pluck().get() as number;
    const created = await ok(s, 'households.create', {
      facts: { category: '农村低保', villageId: village, address: '一组' },
      head: { name: '阿宝', idNumber: '110101199003074514', sex: '男', birthDate: '1990-03-07' }, date: '2026-11-01', reason: '新申请',
    });
    expect(headPinyinOf(created.id)).toBe('abao');
    expect((await order())[0]).toBe('阿宝');

    await ok(s, 'households.updateMember', { memberId: created.headMemberId, facts: { name: '朱宝' }, date: '2026-11-02', reason: '更正姓名' });
    expect(headPinyinOf(created.id)).toBe('zhubao');
    expect((await order())[0]).not.toBe('朱宝');
    await sortedAsTheJoin();

    const spouse = await ok(s, 'households.addMember', { householdId: created.id, member: { name: '艾梅', idNumber: '110101199205061228', sex: '女',
      birthDate: '1992-05-06', relation: '配偶' }, date: '2026-11-03', reason: '婚入' });
    await ok(s, 'households.changeHead', { householdId: created.id, memberId: spouse.id, date: '2026-11-04', reason: '户主外出务工' });
    expect(headPinyinOf(created.id)).toBe('aimei');
    expect((await order())[0]).toBe('艾梅');
    await sortedAsTheJoin();
    expect(staleHeadPinyin(s.handle.sqlite).count).toBe(0);
  });

  it('a direct write to the copy is put back at once', () => {
    s = testServices({ demo: true, households: 10, seed: 3 });
    const id = s.handle.sqlite.prepare('SELECT id FROM households ORDER BY id LIMIT 1').pluck().get() as number;
    const right = headPinyinOf(id);
    s.handle.sqlite.prepare("UPDATE households SET head_pinyin = 'aaaa' WHERE id = ?").run(id);
    expect(headPinyinOf(id)).toBe(right);
  });

  it('cli check finds a stale copy (triggers lost, e.g. a later migration rebuilt the table) and names the household', async () => {
    s = testServices({ demo: true, households: 10, seed: 3 });
    const ok0 = await headPinyinCheck(s);
    expect(ok0.ok).toBe(true);
    for (const t of s.handle.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%head_pinyin%'").pluck().all() as string[]) {
      s.handle.sqlite.exec(`DROP TRIGGER "${t}"`);
    }
    const h = s.handle.sqlite.prepare(`SELECT h.id, m.id AS other FROM households h JOIN members m ON m.household_id = h.id AND m.id <> h.head_member_id
      AND m.state = '在户' ORDER BY h.id LIMIT 1`).get() as { id: number; other: number };
    await ok(s, 'households.changeHead', { householdId: h.id, memberId: h.other, date: '2026-11-04', reason: '户主外出务工' });
    const r = await headPinyinCheck(s);
    expect(r).toMatchObject({ ok: false, details: { 不一致户数: 1, 户档案编号示例: [h.id] } });
  });
});

describe('migration 0018 fills head_pinyin for households already stored', () => {
  it('a database at migration 0017 with a household opens with the head\'s pinyin copied', () => {
    const j = JSON.parse(fs.readFileSync(path.join(migrationsDir(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const upTo = j.entries.findIndex((e) => e.tag.startsWith('0018_'));
    expect(upTo).toBeGreaterThan(0);
    const older = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-mig17-'));
    fs.mkdirSync(path.join(older, 'meta'));
    for (const e of j.entries.slice(0, upTo)) fs.copyFileSync(path.join(migrationsDir(), `${e.tag}.sql`), path.join(older, `${e.tag}.sql`));
    fs.writeFileSync(path.join(older, 'meta', '_journal.json'), JSON.stringify({ ...j, entries: j.entries.slice(0, upTo) }));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-mig17-data-'));
    try {
      const raw = new Database(path.join(dataDir, DB_FILE_NAME));
      migrate(drizzle(raw), { migrationsFolder: older });
      raw.pragma(`user_version = ${upTo}`);
      raw.exec(`INSERT INTO regions (id, level, name) VALUES (1, 'village', '石桥村');
        INSERT INTO households (id, category, status, village_id, created_at, updated_at) VALUES (1, '农村低保', '在保', 1, 'x', 'x'), (2, '农村低保', '在保', 1, 'x', 'x');
        INSERT INTO members (id, household_id, name, id_number, sex, birth_date, relation, pinyin_initials, pinyin_full, created_at)
          VALUES (1, 1, '张三', '110101199003074514', '男', '1990-03-07', '户主', 'zs', 'zhangsan', 'x');
        UPDATE households SET head_member_id = 1 WHERE id = 1;`);
      raw.close();
      const h = openDatabase(dataDir);
      expect(h.sqlite.prepare('SELECT id, head_pinyin FROM households ORDER BY id').all()).toEqual([{ id: 1, head_pinyin: 'zhangsan' }, { id: 2, head_pinyin: null }]);
      expect(staleHeadPinyin(h.sqlite).count).toBe(0);
      h.sqlite.close();
    } finally {
      fs.rmSync(older, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
