import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices, ok, callAs, actorOf } from '../helpers/services';
import { outboxDir } from '../../src-main/ipc/files';

type S = ReturnType<typeof testServices>;
let s: S;
const pdfText = (name: string) => execFileSync('pdftotext', ['-layout', path.join(outboxDir(s.dir), name), '-'], { encoding: 'utf8' });
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
const ID_SHAPE = /(?<!\d)(\d{17}[\dX]|\d{15})(?!\d)/;

interface Listed { id: number; village_id: number; head: string; amount: number; id_number: string }
/** Households of a status; the 长期公示 lists only 城市/农村低保 ones (issue 13 item 9), so `dibaoOnly` picks those. */
function recipients(status: string, dibaoOnly = status === '在保'): Listed[] {
  return s.handle.sqlite.prepare(`SELECT h.id, h.village_id, m.name AS head, h.monthly_amount_fen + h.top_up_fen AS amount, m.id_number
    FROM households h JOIN members m ON m.id = h.head_member_id WHERE h.status = ?
      ${dibaoOnly ? "AND h.category IN ('城市低保', '农村低保')" : ''} ORDER BY h.id`).all(status) as Listed[];
}

beforeAll(async () => {
  s = testServices({ demo: true, households: 80 });
  await ok(s, 'notices.saveSettings', { complaintPhone: '0838-6201234', issuer: '青溪镇人民政府', showCategory: true, periodDays: 7 });
});
afterAll(() => s.close());

describe('notices print as text with the right names and amounts and no ID numbers', () => {
  it('prints the 长期公示 of a village with every current recipient, the amounts, the complaint phone and no ID', async () => {
    const village = recipients('在保')[0]!.village_id;
    const r = await ok(s, 'print.render', { document: 'notice.longterm', args: { villageId: village, date: '2026-11-22' } });
    const text = pdfText(r.outboxName);
    for (const h of recipients('在保').filter((x) => x.village_id === village)) {
      expect(text).toContain(h.head);
      expect(text).toContain(yuan(h.amount));
      expect(text).not.toContain(h.id_number);
    }
    expect(text).toContain('最低生活保障对象长期公示');
    expect(text).toContain('0838-6201234');
    expect(text).toContain('第1页 共');
    expect(text).not.toMatch(ID_SHAPE);
  });

  it('长期公示 of 低保 leaves out 特困/低保边缘 households and any household without a living covered member', async () => {
    const other = recipients('在保', false).find((h) => !recipients('在保').some((x) => x.id === h.id))!;
    const [dead] = recipients('在保').filter((h) => h.village_id === other.village_id && h.id !== other.id);
    const inVillage = recipients('在保').filter((h) => h.village_id === other.village_id && h.id !== dead?.id);
    if (dead) s.handle.sqlite.prepare("UPDATE members SET state = '死亡', death_date = '2026-11-01' WHERE household_id = ?").run(dead.id);
    try {
      const text = pdfText((await ok(s, 'print.render', { document: 'notice.longterm', args: { villageId: other.village_id, date: '2026-11-22' } })).outboxName);
      expect(text).not.toContain(other.head);
      if (dead) expect(text).not.toContain(dead.head);
      for (const h of inVillage) expect(text).toContain(h.head);
    } finally {
      if (dead) s.handle.sqlite.prepare("UPDATE members SET state = '在户', death_date = NULL WHERE household_id = ?").run(dead.id);
    }
  });

  it('prints all villages into one file, each village starting its own page run', async () => {
    const r = await ok(s, 'print.render', { document: 'notice.longterm', args: { date: '2026-11-22' } });
    const pages = pdfText(r.outboxName).split('\f');
    const villages = s.handle.sqlite.prepare(`SELECT DISTINCT v.name FROM households h JOIN regions v ON v.id = h.village_id
      WHERE h.status IN ('在保','渐退') AND h.category IN ('城市低保', '农村低保')`).all() as { name: string }[];
    for (const v of villages) expect(pages.some((p) => p.includes(`青溪镇${v.name}`) && p.includes('长期公示'))).toBe(true);
    expect(r.pages).toBeGreaterThanOrEqual(villages.length);
  });

  it('prints the 初审公示 of applicants with its 7-day period, and the 停保公示 and 确认公布 of their households', async () => {
    const applicant = recipients('申请中')[0]!;
    const review = pdfText((await ok(s, 'print.render', { document: 'notice.review', args: { villageId: applicant.village_id, date: '2026-11-22' } })).outboxName);
    expect(review).toContain(applicant.head);
    expect(review.replace(/\s+/g, '')).toContain('公示期为2026年11月22日至2026年11月28日');

    const stopped = recipients('停保')[0]!;
    const stop = pdfText((await ok(s, 'print.render', { document: 'notice.stop', args: { fromDate: '2000-01-01', date: '2026-11-22' } })).outboxName);
    expect(stop).toContain(stopped.head);

    const confirmed = s.handle.sqlite.prepare(`SELECT m.name, h.start_month FROM households h JOIN members m ON m.id = h.head_member_id
      WHERE h.status = '在保' ORDER BY h.start_month DESC LIMIT 1`).get() as { name: string; start_month: string };
    const confirm = pdfText((await ok(s, 'print.render', { document: 'notice.confirm',
      args: { fromMonth: confirmed.start_month, toMonth: confirmed.start_month, date: '2026-11-22' } })).outboxName);
    expect(confirm).toContain(confirmed.name);
    for (const t of [review, stop, confirm]) expect(t).not.toMatch(ID_SHAPE);
  });

  it('lists on the 初审公示 the households whose application is in publicity, with the proposed amount, and not those still under investigation', async () => {
    // Start from no applications at all (the demo has some at every stage), then set the two cases up by hand.
    const clear = () => s.handle.sqlite.exec('DELETE FROM application_steps; DELETE FROM applications;');
    clear();
    const [inPublicity, investigating] = recipients('申请中');
    const add = (hh: number, stage: string, fen: number | null) => s.handle.sqlite.prepare(`INSERT INTO applications (household_id, rule_set, stage,
      applied_on, applicant_name, amount_fen, top_up_fen, created_by, created_at, updated_at) VALUES (?, '2021', ?, '2026-11-01', '申请人', ?, 0, 't', 't', 't')`)
      .run(hh, stage, fen);
    add(inPublicity!.id, '公示中', 123_400);
    add(investigating!.id, '调查中', null);
    const text = pdfText((await ok(s, 'print.render', { document: 'notice.review', args: { date: '2026-11-22' } })).outboxName);
    expect(text).toMatch(new RegExp(`${inPublicity!.head}[\\s\\S]*?1,234\\.00`));
    expect(text).not.toContain(investigating!.head);
    clear();
  });

  it('withholds the name of a head of household who is a minor', async () => {
    const h = recipients('在保')[1]!;
    s.handle.sqlite.prepare('UPDATE members SET name = ?, birth_date = ? WHERE name = ?').run('欧阳小明', '2012-05-01', h.head);
    const text = pdfText((await ok(s, 'print.render', { document: 'notice.longterm', args: { villageId: h.village_id, date: '2026-11-22' } })).outboxName);
    expect(text).not.toContain('欧阳小明');
    expect(text).toContain('欧某');
    expect(text).toContain('依法不公开其姓名');
  });

  it('refuses to produce a notice that carries a planted ID number, and writes no file', async () => {
    const h = recipients('在保')[2]!;
    s.handle.sqlite.prepare('UPDATE members SET name = ? WHERE name = ?').run(`${h.head}11010519491231002X`, h.head);
    const before = fs.readdirSync(outboxDir(s.dir)).length;
    const r = await callAs(s, actorOf('readonly'), 'print.render', { document: 'notice.longterm', args: { villageId: h.village_id } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('PRIVACY_GUARD');
    expect(fs.readdirSync(outboxDir(s.dir)).length).toBe(before);
    s.handle.sqlite.prepare('UPDATE members SET name = ? WHERE name = ?').run(h.head, `${h.head}11010519491231002X`);
  });

  it('prints a rare CJK Ext-B character in a name with a fallback font instead of leaving it blank', async () => {
    const h = recipients('在保')[3]!;
    s.handle.sqlite.prepare('UPDATE members SET name = ? WHERE name = ?').run('吉𠮷祥', h.head);
    const r = await ok(s, 'print.render', { document: 'notice.longterm', args: { villageId: h.village_id } });
    const text = pdfText(r.outboxName);
    if (r.missingGlyphs.length === 0) {
      expect(text).toContain('吉𠮷祥');
      const fonts = execFileSync('pdffonts', [path.join(outboxDir(s.dir), r.outboxName)], { encoding: 'utf8' });
      expect(fonts).toMatch(/HanaMin|NotoSansCJK|NotoSerifCJK|SimSun/);
    } else {
      // no fallback font installed: the character is marked 〓 for writing in by hand, never silently blank
      expect(r.missingGlyphs).toEqual(['𠮷']);
      expect(text).toContain('吉〓祥');
    }
  });

  it('applies the per-document 套打 offset and lists it with the documents', async () => {
    await ok(s, 'print.setOffset', { document: 'notice.longterm', xMm: 3, yMm: -2 });
    const list = await ok<{ name: string; offset: { xMm: number; yMm: number } }[]>(s, 'print.list', {});
    expect(list.find((d) => d.name === 'notice.longterm')?.offset).toEqual({ xMm: 3, yMm: -2 });
    const r = await callAs(s, actorOf('clerk'), 'print.setOffset', { document: 'notice.longterm', xMm: 0, yMm: 0 });
    expect(r.ok).toBe(false);
  });
});
