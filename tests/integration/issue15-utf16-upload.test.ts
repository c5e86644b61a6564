import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, testServices } from '../helpers/services';
import { bridgeClient } from '../helpers/issue15';
import { layoutIds } from '../fixtures/rosters/build';
import { sniff } from '../../src-main/ipc/content-type';

/**
 * Issue 15 (second session) item 4: a CSV saved by Excel as "Unicode 文本" (UTF-16 with a BOM, LE, or BE from other
 * tools) is a legitimate upload; it is accepted and decoded exactly by the roster import, while a binary behind a
 * UTF-16 BOM, markup in UTF-16, or control characters are still refused.
 */
let s: ReturnType<typeof testServices>;
let c: Awaited<ReturnType<typeof bridgeClient>>;
beforeAll(async () => {
  s = testServices();
  const tree = await ok(s, 'regions.tree', {});
  const v = await ok(s, 'regions.create', { parentId: tree[0].id, name: '石桥村' });
  await ok(s, 'regions.create', { parentId: v.id, name: '3组' });
  c = await bridgeClient(s, [['admin', 'admin123']]);
}, 120_000);
afterAll(() => { c?.close(); s?.close(); });

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => { const le = Buffer.from(text, 'utf16le'); return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]); };
const ROSTER = (sep: string) => [['户主姓名', '姓名', '身份证号', '与户主关系', '村', '组', '月保障金'],
  ['欧阳淑贞', '欧阳淑贞', layoutIds.a, '户主', '石桥村', '3组', '560'], ['王𠈌', '王𠈌', layoutIds.b, '户主', '石桥村', '3组', '430']]
  .map((r) => r.join(sep)).join('\r\n') + '\r\n';

async function uploadAndDryRun(name: string, bytes: Buffer) {
  const up = await c.upload(name, bytes, 'admin');
  expect(up.status, up.body).toBe(200);
  const r = await c.call('households.importRoster', { inboxName: JSON.parse(up.body).value.inboxName, dryRun: true, defaultCategory: '农村低保' }, 'admin');
  expect(r.ok, JSON.stringify(r.error)).toBe(true);
  return r.value;
}

describe('item 4: UTF-16 text uploads', () => {
  it('a UTF-16 LE CSV and an Excel "Unicode 文本" (tab-separated) .txt are accepted and read with their Chinese names exact', async () => {
    for (const [name, bytes] of [['花名册.csv', utf16le(ROSTER(','))], ['Unicode 文本.txt', utf16le(ROSTER('\t'))]] as const) {
      const r = await uploadAndDryRun(name, bytes);
      expect(r.errors, name).toBe(0);
      expect(r.preview.map((p: { headName: string; monthlyFen: number }) => [p.headName, p.monthlyFen]), name)
        .toEqual([['欧阳淑贞', 56000], ['王𠈌', 43000]]);
    }
  });

  it('a UTF-16 BE CSV is accepted and read the same', async () => {
    const r = await uploadAndDryRun('花名册-be.csv', utf16be(ROSTER(',')));
    expect(r.errors).toBe(0);
    expect(r.preview.map((p: { headName: string }) => p.headName)).toEqual(['欧阳淑贞', '王𠈌']);
  });

  it('still refuses binaries and markup behind a UTF-16 BOM, and UTF-16 under a non-text name', async () => {
    const random = Buffer.concat([Buffer.from([0xff, 0xfe]), crypto.randomBytes(4000)]);
    const cases: [string, Buffer][] = [
      ['x.csv', random], ['x.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), crypto.randomBytes(4000)])],
      ['page.csv', utf16le('<html><script>alert(1)</script></html>')],
      ['ctl.csv', utf16le('姓名,身份证号\r\n张三,\u0000\u0001\u0002\r\n')],
      ['odd.csv', Buffer.concat([utf16le('姓名,村\r\n'), Buffer.from([0x41])])],
      ['roster.pdf', utf16le(ROSTER(','))], ['roster.html', utf16le(ROSTER(','))],
    ];
    for (const [name, bytes] of cases) {
      const r = await c.upload(name, bytes, 'admin');
      expect(r.status, name).toBe(400);
      expect(JSON.parse(r.body).error.code, name).toBe('BAD_FILE_TYPE');
      expect(JSON.parse(r.body).error.message, name).toMatch(/[\u4e00-\u9fa5]/);
    }
    // a thousand random files behind each BOM: none passes as text
    let passed = 0;
    for (let i = 0; i < 1000; i++) {
      const bom = i % 2 ? [0xff, 0xfe] : [0xfe, 0xff];
      if (sniff(Buffer.concat([Buffer.from(bom), crypto.randomBytes(64 + (i % 7) * 2)]), 'x.csv')) passed++;
    }
    expect(passed).toBe(0);
  });
});
