import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices, ok, callAs, actorOf } from '../helpers/services';
import { saveToInbox, inboxPath, outboxPath } from '../../src-main/ipc/files';
import { storePath } from '../../src-main/features/archive/store';

type S = ReturnType<typeof testServices>;
let s: S;
let village: number;
let applicant: number;

beforeAll(() => {
  s = testServices({ demo: true, households: 80 });
  const h = s.handle.sqlite.prepare(`SELECT id, village_id FROM households WHERE status = '申请中' ORDER BY id LIMIT 1`).get() as { id: number; village_id: number };
  village = h.village_id; applicant = h.id;
});
afterAll(() => s.close());

describe('posting record of a notice', () => {
  it('records where and when a 初审公示 was posted, keeps the board photo by content hash and snapshots the listed households', async () => {
    const photo = saveToInbox(s.dir, '公示栏.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('jpeg bytes')]) /* JPEG magic: the archive checks content */);
    const { id } = await ok(s, 'notices.recordPosting', { kind: '初审公示', villageId: village, periodStart: '2026-11-22',
      postedAt: '2026-11-22', place: '村务公开栏', photo }, actorOf('clerk'));
    const d = await ok(s, 'notices.posting', { id });
    expect(d.posting.periodEnd).toBe('2026-11-28');
    expect(d.posting.photoName).toBe('公示栏.jpg');
    expect(fs.existsSync(storePath(s.dir, d.posting.photoSha256))).toBe(true);
    expect(fs.existsSync(path.join(s.dir, 'notice-photos'))).toBe(false); // one copy: the archive store's
    expect(d.items.map((i: { householdId: number }) => i.householdId)).toContain(applicant);
    const shown = await ok(s, 'notices.photo', { id });
    expect(shown.outboxName).toMatch(/\.jpg$/);
    expect(fs.readFileSync(outboxPath(s.dir, shown.outboxName))).toEqual(fs.readFileSync(inboxPath(s.dir, photo)));
  });

  it('keeps an objection open until it is handled, and refuses to close the posting before the period ends or while objections are open', async () => {
    const { rows } = await ok(s, 'notices.postings', { kind: '初审公示' });
    const id = rows[0].id;
    const obj = await ok(s, 'notices.addObjection', { postingId: id, householdId: applicant, receivedAt: '2026-11-24', via: '来电', content: '该户有营运车辆' });
    expect((await ok(s, 'notices.posting', { id })).posting.openObjections).toBe(1);

    const early = await callAs(s, actorOf('clerk'), 'notices.closePosting', { id, closedAt: '2026-11-28' });
    expect(!early.ok && early.error.message).toContain('期满后');
    const open = await callAs(s, actorOf('clerk'), 'notices.closePosting', { id, closedAt: '2026-11-29' });
    expect(!open.ok && open.error.message).toContain('异议未处理');

    await ok(s, 'notices.handleObjection', { id: obj.id, handling: '重新入户调查，车辆已于2025年转让', result: '不属实', handledAt: '2026-11-26' });
    await ok(s, 'notices.closePosting', { id, closedAt: '2026-11-29', note: '期满无有效异议' });
    expect((await ok(s, 'notices.posting', { id })).posting).toMatchObject({ closedAt: '2026-11-29', objections: 1, openObjections: 0 });
  });

  it('lets a read-only user see postings but not record one', async () => {
    expect((await ok(s, 'notices.postings', {}, actorOf('readonly'))).total).toBe(1);
    const r = await callAs(s, actorOf('readonly'), 'notices.recordPosting', { kind: '长期公示', periodStart: '2026-11-22', postedAt: '2026-11-22', place: '公开栏' });
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });

  it('refuses an objection against a household that the notice did not list', async () => {
    const { rows } = await ok(s, 'notices.postings', {});
    const other = s.handle.sqlite.prepare(`SELECT id FROM households WHERE status = '在保' LIMIT 1`).get() as { id: number };
    const { id } = await ok(s, 'notices.recordPosting', { kind: '初审公示', villageId: village, periodStart: '2026-12-01', postedAt: '2026-12-01', place: '公开栏' });
    const r = await callAs(s, actorOf('clerk'), 'notices.addObjection', { postingId: id, householdId: other.id, receivedAt: '2026-12-02', content: 'x' });
    expect(!r.ok && r.error.message).toContain('不在此次公示名单');
    expect(rows.length).toBe(1);
  });
});
