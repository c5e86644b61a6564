import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, ok, testServices } from '../helpers/services';
import fs from 'node:fs';
import path from 'node:path';
import { inboxDir, saveToInbox } from '../../src-main/ipc/files';
import { archiveStoreCheck } from '../../src-main/features/archive/checks';

type S = ReturnType<typeof testServices>;
let s: S;
beforeEach(() => { s = testServices({ demo: true, households: 60 }); });
afterEach(() => s.close());

const all = <T>(sql: string, ...args: unknown[]) => s.handle.sqlite.prepare(sql).all(...args) as T[];

/** The households whose bag lists the stored file under the given type, and how often the store holds it. */
function filed(sha256: string, docType: string) {
  const households = all<{ household_id: number }>(`SELECT b.household_id FROM archive_items i JOIN archive_bags b ON b.id = i.bag_id
    WHERE i.file_sha256 = ? AND i.doc_type = ? AND i.removed_at IS NULL ORDER BY b.household_id`, sha256, docType).map((r) => r.household_id);
  const stored = all('SELECT 1 FROM archive_files WHERE sha256 = ?', sha256).length;
  return { households, stored };
}

const shaOfLastItem = (title: string) => (s.handle.sqlite.prepare('SELECT file_sha256 AS sha FROM archive_items WHERE title LIKE ? ORDER BY id DESC LIMIT 1')
  .get(`%${title}%`) as { sha: string }).sha;

const jpeg = (text: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(text)]);

async function storeCheckOk() {
  expect((await archiveStoreCheck(s)).ok).toBe(true);
}

describe('documents other features receive are filed into the archive', () => {
  it('the signed recheck sheet goes into the bag of every household of the village, stored once, and recording it again adds nothing', async () => {
    const c = await ok(s, 'rechecks.campaigns.create', { name: '专项行动', scopeDate: '2026-11-01', filter: {} });
    const v = s.handle.sqlite.prepare('SELECT village_id AS id FROM campaign_households WHERE campaign_id = ? GROUP BY village_id ORDER BY COUNT(*) LIMIT 1')
      .get(c.id) as { id: number };
    const rows = all<{ id: number; household_id: number }>('SELECT id, household_id FROM campaign_households WHERE campaign_id = ? AND village_id = ? ORDER BY household_id', c.id, v.id);
    await ok(s, 'rechecks.campaigns.keepMany', { ids: rows.map((r) => r.id), visitDate: '2026-11-10', checkedBy: '陈宗刚' });
    const scan = saveToInbox(s.dir, '签字表.pdf', Buffer.from('%PDF-1.4 signed sheet'));
    const r = await ok(s, 'rechecks.campaigns.signoff', { campaignId: c.id, villageId: v.id, returnedDate: '2026-11-20', scanRef: scan });
    expect(r.archivedHouseholds).toBe(rows.length);
    const sha = shaOfLastItem('清理核实登记表');
    expect(filed(sha, '复核记录/签字表')).toEqual({ households: rows.map((x) => x.household_id), stored: 1 });
    await ok(s, 'rechecks.campaigns.signoff', { campaignId: c.id, villageId: v.id, returnedDate: '2026-11-21', scanRef: saveToInbox(s.dir, '签字表.pdf', Buffer.from('%PDF-1.4 signed sheet')) });
    expect(filed(sha, '复核记录/签字表').households).toHaveLength(rows.length);
    const bag = await ok(s, 'archive.bag', { householdId: rows[0].household_id });
    expect(bag.items.find((i: { title: string }) => i.title.includes('清理核实登记表'))).toMatchObject({ date: '2026-11-20', hasFile: true, source: '扫描上传' });
    await storeCheckOk();
  });

  it('the board photo of a posting goes into the bag of each household the notice listed', async () => {
    const village = (s.handle.sqlite.prepare("SELECT village_id AS id FROM households WHERE status = '在保' ORDER BY id LIMIT 1").get() as { id: number }).id;
    const photo = saveToInbox(s.dir, '公示栏.jpg', jpeg('board photo'));
    const { id } = await ok(s, 'notices.recordPosting', { kind: '长期公示', villageId: village, periodStart: '2026-11-22', postedAt: '2026-11-23', place: '村务公开栏', photo });
    const d = await ok(s, 'notices.posting', { id });
    const listed = d.items.map((i: { householdId: number }) => i.householdId).sort((a: number, b: number) => a - b);
    expect(listed.length).toBeGreaterThan(1);
    expect(filed(d.posting.photoSha256, '公示记录及照片')).toEqual({ households: listed, stored: 1 });
    const bag = await ok(s, 'archive.bag', { householdId: listed[0] });
    expect(bag.items.find((i: { title: string }) => i.title.includes('张贴照片'))).toMatchObject({ date: '2026-11-23', fileType: 'jpg' });
    await storeCheckOk();
  });

  it('refuses a board photo the archive cannot keep, and records nothing', async () => {
    expect(() => saveToInbox(s.dir, '公示栏.jpg', Buffer.from('not a picture'))).toThrow(/扩展名与内容不符|只能上传/); // refused at upload now
    const photo = 'a1b2c3d4e5f6-公示栏.jpg'; // and a file already in the inbox is checked again by the posting
    fs.mkdirSync(inboxDir(s.dir), { recursive: true });
    fs.writeFileSync(path.join(inboxDir(s.dir), photo), 'not a picture');
    const before = all('SELECT id FROM notice_postings').length;
    const r = await s.router.call({ channel: 'notices.recordPosting', actor: ADMIN,
      input: { kind: '长期公示', periodStart: '2026-11-22', postedAt: '2026-11-23', place: '公开栏', photo } });
    expect(r.ok).toBe(false);
    expect(all('SELECT id FROM notice_postings')).toHaveLength(before);
  });

  it('the bank-card custody agreement goes into the household bag once, even when the record is saved again', async () => {
    const h = s.handle.sqlite.prepare("SELECT id, head_member_id AS headId FROM households WHERE status = '在保' ORDER BY id").get() as { id: number; headId: number };
    const agreement = saveToInbox(s.dir, '代管协议.pdf', Buffer.from('%PDF-1.4 custody agreement'));
    const input = { householdId: h.id, memberId: h.headId, holderName: '王某', holderRelation: '子女', startDate: '2026-05-01', agreementFile: agreement };
    const r = await ok(s, 'supervision.custody.save', input);
    await ok(s, 'supervision.custody.save', { ...input, id: r.id, filedDate: '2026-05-10' });
    const sha = shaOfLastItem('银行卡代管书面协议');
    expect(filed(sha, '其他')).toEqual({ households: [h.id], stored: 1 });
    await storeCheckOk();
  });
});
