// Issue 15, finding 7 through the real print path: planted numbers in a group name, a head's name and the complaint
// phone setting never reach a printed notice (pdftotext of what is produced), for a sample of the disguised corpus.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, ok, ADMIN, testServices } from '../helpers/services';
import { outboxDir } from '../../src-main/ipc/files';
import { corpus } from '../helpers/disguised';
import { findPersonalData } from '../../src-main/print/privacy';

let s: ReturnType<typeof testServices>;
let village: number;
let group: number;
let head: number;
let groupName: string;
beforeAll(async () => {
  s = testServices({ demo: true, households: 30 });
  await ok(s, 'notices.saveSettings', { complaintPhone: '0838-6201234', issuer: '青溪镇人民政府', showCategory: true, periodDays: 7 });
  const h = s.handle.sqlite.prepare(`SELECT h.village_id AS v, h.group_id AS g, h.head_member_id AS m FROM households h
    WHERE h.status = '在保' AND h.group_id IS NOT NULL ORDER BY h.id LIMIT 1`).get() as { v: number; g: number; m: number };
  [village, group, head] = [h.v, h.g, h.m];
  groupName = s.handle.sqlite.prepare('SELECT name FROM regions WHERE id = ?').pluck().get(group) as string;
}, 60_000);
afterAll(() => s?.close());

const sq = () => s.handle.sqlite;
const print = () => callAs(s, ADMIN, 'print.render', { document: 'notice.longterm', args: { villageId: village, date: '2026-11-22' } });
const pdfText = (name: string) => execFileSync('pdftotext', ['-layout', path.join(outboxDir(s.dir), name), '-'], { encoding: 'utf8' });
/** Whatever was produced must not carry a number the guard would flag (only the published complaint phone). */
async function printedOrRefused(): Promise<'refused' | string> {
  const r = await print();
  if (!r.ok) { expect(r.error.code).toBe('PRIVACY_GUARD'); return 'refused'; }
  return pdfText((r.value as { outboxName: string }).outboxName);
}

describe('privacy guard on printed notices', () => {
  it('prints the clean notice, with the complaint phone and no other number shape', async () => {
    const text = await printedOrRefused();
    expect(text).not.toBe('refused');
    expect(text).toContain('0838-6201234');
    expect(findPersonalData(text, ['0838-6201234'])).toEqual([]);
  });

  it.each([
    ['full-width ID in a group name', `一组５１０９０２１９８００１０１００１Ｘ`],
    ['a phone inside a group name', 'A13812345678组'],
    ['double spaces', '二组 510902  19800101  001X'],
    ['middle dots', '三组 138·1234·5678'],
    ['a full-width bank number', '卡６２２２０２１２３４５６７８９０１２３'],
    ['Chinese numerals', '五一〇九〇二一九八〇〇一〇一〇〇一X'],
  ])('refuses %s', async (_what, name) => {
    sq().prepare('UPDATE regions SET name = ? WHERE id = ?').run(name, group);
    try { expect(await printedOrRefused()).toBe('refused'); } finally { sq().prepare('UPDATE regions SET name = ? WHERE id = ?').run(groupName, group); }
  });

  it('refuses an ID number saved as the complaint phone: the setting schema says no, and a planted value is still caught', async () => {
    const r = await callAs(s, ADMIN, 'notices.saveSettings', { complaintPhone: '510902198001010011', issuer: '青溪镇人民政府', showCategory: true, periodDays: 7 });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    sq().prepare("UPDATE settings SET value = ? WHERE key = 'notices.complaintPhone'").run(JSON.stringify('510902198001010011'));
    try { expect(await printedOrRefused()).toBe('refused'); } finally {
      sq().prepare("UPDATE settings SET value = ? WHERE key = 'notices.complaintPhone'").run(JSON.stringify('0838-6201234'));
    }
  });

  it('never prints any of a sample of 12 corpus numbers planted in a head of household\'s name or a group name', async () => {
    const name = sq().prepare('SELECT name FROM members WHERE id = ?').pluck().get(head) as string;
    const sample = corpus.filter((_, i) => i % 125 === 0).slice(0, 12);
    expect(sample).toHaveLength(12);
    try {
      for (const [i, c] of sample.entries()) {
        if (i % 2) sq().prepare('UPDATE members SET name = ? WHERE id = ?').run(`${name}${c.text}`, head);
        else sq().prepare('UPDATE regions SET name = ? WHERE id = ?').run(c.text, group);
        const out = await printedOrRefused();
        expect(out, c.text).toBe('refused');
        sq().prepare('UPDATE members SET name = ? WHERE id = ?').run(name, head);
        sq().prepare('UPDATE regions SET name = ? WHERE id = ?').run(groupName, group);
      }
    } finally {
      sq().prepare('UPDATE members SET name = ? WHERE id = ?').run(name, head);
      sq().prepare('UPDATE regions SET name = ? WHERE id = ?').run(groupName, group);
    }
  }, 120_000);
});
