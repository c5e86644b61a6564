import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, ok, testServices } from '../helpers/services';
import { rosterTownship, uploadRoster, importRosterWith, type RosterServices } from '../helpers/roster';
import { headsOnlyRoster, ids, messyRoster } from '../fixtures/rosters/build';
import { largeRoster, writeLargeRoster } from '../fixtures/rosters/large';
import { emit } from '../../src-main/features/events';
import { appendAudit, verifyAuditChain } from '../../src-main/features/audit/chain';
import { insertRegion } from '../../src-main/features/regions/channels';
import { setSetting } from '../../src-main/features/settings/store';
import { calculateForHousehold } from '../../src-main/features/applications/household';
import { livingCovered } from '../../src-main/features/caseRecord/tasks';
import { staleHeadPinyin } from '../../src-main/features/households/checks';
import { localToday } from '../../src-main/domain/dates';
import { makeIdNumber } from '../../src-main/domain/idNumber';
import type { HandlerContext } from '../../src-main/ipc/contract';

/**
 * Issue 16 item 5: the roster import computes what it used to read back, and batches what it used to write one by one.
 * Each shortcut must give exactly what the one-by-one path gives.
 */
const ctxOf = (x: RosterServices): HandlerContext => ({
  db: x.handle.db, sqlite: x.handle.sqlite, dataDir: x.dir, actor: ADMIN, channel: 'test',
  audit: (e) => appendAudit(x.handle.sqlite, ADMIN, 'test', e), tx: (fn) => x.handle.sqlite.transaction(fn)(),
  progress: () => {}, cancelled: () => false, inWorker: () => Promise.reject(new Error('no worker here')), txSliced: (fn) => fn(), sessionId: null, session: { bind: () => '', end: () => {} },
});

describe('the 建档导入 record of an imported household', () => {
  let s: RosterServices;
  beforeEach(async () => { s = await rosterTownship(); });
  afterEach(() => s.close());

  it('holds the calculation and covered count computed from the planned rows, equal to reading the household back', async () => {
    // Top-ups by person type make the members' birth dates count (60 and over: 老年人), 城市 and 农村 standards differ.
    setSetting(s.handle.sqlite, 'benefit.rules', { topUps: { 老年人: { fen: 5000 }, 未成年人: { percent: 10 } } });
    const run = importRosterWith();
    await run(s, await uploadRoster(s, (f) => messyRoster(f, { withErrors: false })), false);
    await run(s, await uploadRoster(s, headsOnlyRoster, '城市.xlsx'), false);
    const records = s.handle.sqlite.prepare(`SELECT household_id AS id, calc_fen AS calcFen, covered_count AS covered FROM benefit_changes
      WHERE decision = '建档导入' ORDER BY household_id`).all() as { id: number; calcFen: number; covered: number }[];
    expect(records).toHaveLength(6);
    const today = localToday();
    const readBack = records.map((r) => ({ id: r.id, calcFen: calculateForHousehold(s.handle.sqlite, r.id, today).amountFen,
      covered: livingCovered(s.handle.sqlite, r.id) }));
    expect(records).toEqual(readBack);
    // and the rules really entered: 张三's household (3 members, two of them 60 or over) is 3 × 620 元 + 2 × 50 元
    expect(records[0].calcFen).toBe(3 * 62000 + 2 * 5000);
    expect(new Set(records.map((r) => r.calcFen)).size).toBeGreaterThan(2);
  });
});

describe('near-relative matching of a roster import', () => {
  let s: RosterServices;
  beforeEach(async () => { s = await rosterTownship(); });
  afterEach(() => s.close());

  it('matches each imported member who is a declared relative, as adding the member by hand does, and no removed one', async () => {
    const staffId = (await ok(s, 'supervision.staff.save', { kind: '村(居)委会成员', name: '测试干部', idNumber: makeIdNumber('510902', '1975-05-05', 777, true),
      unit: '石桥村委员会', post: '主任' })).id;
    await ok(s, 'supervision.relatives.add', { staffId, name: '李梅', idNumber: ids.wife1, relation: '兄弟姐妹' });
    const gone = (await ok(s, 'supervision.relatives.add', { staffId, name: '孙七', idNumber: ids.head4, relation: '子女' })).id;
    await ok(s, 'supervision.relatives.remove', { id: gone, reason: '登记错误' });
    await importRosterWith()(s, await uploadRoster(s, (f) => messyRoster(f, { withErrors: false })), false);
    const matches = s.handle.sqlite.prepare(`SELECT m.name, x.trigger, x.household_id = m.household_id AS sameHousehold FROM relative_matches x
      JOIN members m ON m.id = x.member_id`).all();
    expect(matches).toEqual([{ name: '李梅', trigger: '新增成员', sameHousehold: 1 }]);
    expect(s.handle.sqlite.prepare("SELECT COUNT(*) FROM audit_log WHERE entity = 'relative_match'").pluck().get()).toBe(1);
  });
});

describe('archive bags of a roster import', () => {
  let a: RosterServices;
  let b: RosterServices;
  afterEach(() => { a.close(); b.close(); });

  /** Two identical townships: villages and groups out of creation order, one household already bagged. */
  function township() {
    const s = testServices();
    const root = (s.handle.sqlite.prepare("SELECT id FROM regions WHERE level = 'township'").get() as { id: number }).id;
    const v1 = insertRegion(s.handle.sqlite, root, 'village', '桃源社区', 2);
    const v2 = insertRegion(s.handle.sqlite, root, 'village', '石桥村', 1);
    const places = [[v1, insertRegion(s.handle.sqlite, v1, 'group', '2组', 2)], [v1, insertRegion(s.handle.sqlite, v1, 'group', '1组', 1)],
      [v2, insertRegion(s.handle.sqlite, v2, 'group', '1组', 1)], [v2, null]] as const;
    const now = new Date().toISOString();
    const ids = Array.from({ length: 23 }, (_, i) => {
      const [v, g] = places[i % places.length];
      return Number(s.handle.sqlite.prepare(`INSERT INTO households (category, status, village_id, group_id, start_month, created_at, updated_at)
        VALUES ('农村低保', '在保', ?, ?, ?, ?, ?)`).run(v, g, i % 3 === 0 ? '2023-07' : i % 3 === 1 ? '2024-01' : null, now, now).lastInsertRowid);
    });
    s.handle.sqlite.transaction(() => emit.householdCreated(ctxOf(s), { householdId: ids[0] }))();
    return { s, ids };
  }
  const bags = (s: RosterServices) => s.handle.sqlite.prepare(`SELECT household_id, archive_no, fonds_no, year, retention_code, piece_no, village_id,
    group_id, container_key, cabinet_no, box_no, bag_no, location_code, location_label, status, exited_at, exit_status FROM archive_bags
    ORDER BY household_id`).all();
  const audits = (s: RosterServices) => s.handle.sqlite.prepare("SELECT after FROM audit_log WHERE entity = 'archiveBag' ORDER BY id").pluck().all() as string[];

  it('gives every household the 档号, box and bag it would get one by one, with one audit entry for the batch', () => {
    const one = township();
    const many = township();
    a = one.s;
    b = many.s;
    a.handle.sqlite.transaction(() => { for (const id of one.ids.slice(1)) emit.householdCreated(ctxOf(a), { householdId: id }); })();
    b.handle.sqlite.transaction(() => emit.householdsImported(ctxOf(b), { householdIds: many.ids, source: '花名册“x.xlsx”' }))();
    expect(bags(b)).toEqual(bags(a));
    expect(bags(b)).toHaveLength(23);
    expect(audits(a)).toHaveLength(23);
    expect(audits(b)).toHaveLength(2); // the bag made before, then one for the 22 of the import
    const batch = JSON.parse(audits(b)[1]);
    const made = bags(b) as { household_id: number; archive_no: string }[];
    expect(batch).toEqual({ source: '花名册“x.xlsx”', assigned: 22, households: `${many.ids[1]}–${many.ids[22]}`,
      archiveNos: `${made[1].archive_no} … ${made[22].archive_no}` });
    expect(verifyAuditChain(b.handle.sqlite).ok).toBe(true);
  });

  it('writes bags in several multi-row inserts when the import is larger than one (1,203 households)', () => {
    const one = township();
    const many = township();
    a = one.s;
    b = many.s;
    const now = new Date().toISOString();
    const more = (x: RosterServices) => {
      const v = x.handle.sqlite.prepare("SELECT id FROM regions WHERE level = 'village' ORDER BY id").pluck().get() as number;
      return Array.from({ length: 1180 }, () => Number(x.handle.sqlite.prepare(`INSERT INTO households (category, status, village_id, group_id,
        start_month, created_at, updated_at) VALUES ('农村低保', '在保', ?, NULL, '2022-02', ?, ?)`).run(v, now, now).lastInsertRowid));
    };
    const aIds = [...one.ids.slice(1), ...more(a)];
    const bIds = [...many.ids, ...more(b)];
    a.handle.sqlite.transaction(() => { for (const id of aIds) emit.householdCreated(ctxOf(a), { householdId: id }); })();
    b.handle.sqlite.transaction(() => emit.householdsImported(ctxOf(b), { householdIds: bIds, source: 'x' }))();
    expect(bags(b)).toHaveLength(1203);
    expect(bags(b)).toEqual(bags(a));
  });
});

describe('a roster larger than what is stored', () => {
  let s: RosterServices;
  beforeEach(async () => { s = await rosterTownship(); });
  afterEach(() => s.close());
  /** The indexes and triggers (the head_pinyin copy's) of the tables the import writes with its indexes rebuilt. */
  const indexes = () => s.handle.sqlite.prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
    AND tbl_name IN ('members', 'households', 'household_events', 'benefit_changes') ORDER BY name`).all();
  const roster = (f: string) => writeLargeRoster(f, largeRoster(700, 3));

  it('is written with the lookup indexes dropped and created again: the same indexes and triggers afterwards, every head_pinyin copy right, and search uses them', async () => {
    const before = indexes();
    expect(before.length).toBeGreaterThan(8);
    expect(before.filter((x) => (x as { type: string }).type === 'trigger').length).toBeGreaterThanOrEqual(3);
    const r = await importRosterWith({ defaultCategory: '农村低保' })(s, await uploadRoster(s, roster), false);
    expect(r.written.members).toBeGreaterThan(1000);
    expect(indexes()).toEqual(before);
    expect(staleHeadPinyin(s.handle.sqlite).count).toBe(0);
    expect(s.handle.sqlite.prepare('SELECT COUNT(*) FROM households WHERE head_pinyin IS NULL').pluck().get()).toBe(0);
    // the triggers work again after the import: renaming a head moves the copy
    const hh = s.handle.sqlite.prepare('SELECT id, head_member_id AS head FROM households ORDER BY id DESC LIMIT 1').get() as { id: number; head: number };
    s.handle.sqlite.prepare("UPDATE members SET pinyin_full = 'zzzceshi' WHERE id = ?").run(hh.head);
    expect(s.handle.sqlite.prepare('SELECT head_pinyin FROM households WHERE id = ?').pluck().get(hh.id)).toBe('zzzceshi');
    const plan = s.handle.sqlite.prepare("EXPLAIN QUERY PLAN SELECT id FROM members WHERE pinyin_initials = 'zs'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('members_pinyin_hh_idx');
  });

  it('keeps every index and writes nothing when the write fails half-way', async () => {
    const before = indexes();
    const members = s.handle.sqlite.prepare('SELECT COUNT(*) FROM members').pluck();
    const n = members.get();
    // a failure in the middle of the writes, after the indexes were dropped
    s.handle.sqlite.exec(`CREATE TRIGGER fail_half_way BEFORE INSERT ON members WHEN (SELECT COUNT(*) FROM members) >= 600
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const r = await s.router.call({ channel: 'households.importRoster', actor: ADMIN,
      input: { inboxName: await uploadRoster(s, roster), dryRun: false, defaultCategory: '农村低保' } });
    expect(r.ok).toBe(false);
    expect(members.get()).toBe(n);
    s.handle.sqlite.exec('DROP TRIGGER fail_half_way'); // the planted failure is not one of the schema's
    expect(indexes()).toEqual(before);
  });
});

describe('cancelling a roster import while the file is read', () => {
  let s: RosterServices;
  beforeEach(async () => { s = await rosterTownship(); });
  afterEach(() => s.close());

  it('stops at the next step when 取消 arrives through the event loop (as from the window), and writes nothing', async () => {
    const inboxName = await uploadRoster(s, (f) => writeLargeRoster(f, largeRoster(1500, 7)));
    const jobId = `roster-${Math.random()}`;
    const messages: string[] = [];
    // the window's 取消 is a separate request: it runs only when the import lets the event loop turn
    const listener = (p: { jobId: string; message?: string }) => {
      if (p.jobId !== jobId) return;
      messages.push(p.message ?? '');
      if (messages.length === 1) setImmediate(() => s.router.cancel(jobId));
    };
    s.router.events.on('progress', listener);
    try {
      const r = await s.router.call({ channel: 'households.importRoster', actor: ADMIN, jobId, input: { inboxName, dryRun: false, defaultCategory: '农村低保' } });
      expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    } finally { s.router.events.off('progress', listener); }
    expect(messages[0]).toMatch(/^正在打开文件“花名册.xlsx”/); // cancelled while the worker unpacks the file
    expect(messages.some((m) => m.startsWith('正在写入'))).toBe(false);
    expect(s.handle.sqlite.prepare('SELECT COUNT(*) FROM members').pluck().get()).toBe(0);
  });
});
