import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { actorOf, callAs, ok, testServices } from '../helpers/services';
import { createServices } from '../../src-main/services';
import { initialize } from '../../src-main/features/setup/initialize';
import { getTownship } from '../../src-main/features/settings/store';
import { writePackage } from '../../src-main/features/ledgers/package';

// testServices builds the township and its demo for 2026-11-22, and the channels read the clock: the clock is held
// at a day these tests were written on (after November, before the demo's planted deadlines of 2026-12-19/20).
// Otherwise those deadlines fall overdue once CI runs later, and closing or checking a month fails for that alone.
// Only Date is faked: timers and worker threads run as usual.
vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true }); // the clock runs on from there (records are ordered by time)
vi.setSystemTime(new Date('2026-12-02T10:00:00'));
afterAll(() => { vi.useRealTimers(); });

const PERIOD = '2026-10';
const county = actorOf('county');
let s: ReturnType<typeof testServices>;
let usb: string;
beforeEach(() => {
  s = testServices({ demo: true, households: 40 });
  usb = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-usb-'));
});
afterEach(() => { s.close(); fs.rmSync(usb, { recursive: true, force: true }); });

const exportTo = (svc = s, dest = usb) => ok(svc, 'ledgers.exportPackage', { period: PERIOD, destination: dest, acceptFailedChecks: true });
const verify = (dir: string, svc = s) => ok(svc, 'ledgers.verifyPackage', { dir });

function flipOneByte(file: string) {
  const buf = fs.readFileSync(file);
  buf[Math.floor(buf.length / 2)] ^= 0x01;
  fs.writeFileSync(file, buf);
}

/** A second township in its own data dir (for county tests). */
function otherTownship(code: string, name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-test-'));
  const svc = createServices(dir);
  svc.handle.sqlite.transaction(() => initialize(svc.handle.sqlite, {
    township: { name, divisionCode: code, county: '示范县' }, admin: { username: 'admin', displayName: '管理员', password: 'admin123' },
    demo: true, seed: 99, households: 30 }, '2026-11-22'))();
  const closeDb = svc.close;
  return Object.assign(svc, { dir, close: () => { closeDb(); fs.rmSync(dir, { recursive: true, force: true }); } });
}

async function registerIn(countySvc: typeof s, township: typeof s) {
  const key = await ok(township, 'ledgers.publicKey', {});
  await ok(countySvc, 'ledgers.county.registerTownship', { divisionCode: key.township.divisionCode, name: key.township.name, publicKeyPem: key.pem }, county);
}

describe('USB export package', () => {
  it('writes <division-code>_<period>_<seq> with a signed manifest that verifies, and numbers packages in sequence', async () => {
    const a = await exportTo();
    expect(a.folderName).toBe('510902105000_2026-10_001');
    expect(fs.readdirSync(usb)).toEqual([a.folderName]);
    const manifest = JSON.parse(fs.readFileSync(path.join(a.path, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ divisionCode: '510902105000', period: PERIOD, sequence: 1, township: { name: '青溪镇' } });
    expect(manifest.files.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['00_月度统计表.xlsx', '00_月度统计表.pdf', '01_低保对象花名册.xlsx', 'data.json']));
    expect(manifest.files.every((f: { sha256: string }) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    expect((await verify(a.path)).ok).toBe(true);
    const b = await exportTo();
    expect(b.sequence).toBe(2);
    expect((await ok(s, 'ledgers.exports', {})).map((e: { sequence: number }) => e.sequence)).toEqual([2, 1]);
  });

  it('verify catches one changed byte in a file and names the file', async () => {
    const a = await exportTo();
    flipOneByte(path.join(a.path, '01_低保对象花名册.xlsx'));
    const v = await verify(a.path);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatchObject({ code: 'HASH_MISMATCH' });
    expect(v.problems[0].message).toContain('01_低保对象花名册.xlsx');
  });

  it('verify catches an edited manifest and a wrong key', async () => {
    const a = await exportTo();
    const mf = path.join(a.path, 'manifest.json');
    const original = fs.readFileSync(mf);
    fs.writeFileSync(mf, original.toString().replace('"sequence": 1', '"sequence": 7'));
    expect((await verify(a.path)).problems[0].code).toBe('BAD_SIGNATURE');
    fs.writeFileSync(mf, original);
    const stranger = crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const countySvc = testServices({ init: true });
    try {
      await ok(countySvc, 'ledgers.county.registerTownship', { divisionCode: '510902105000', name: '青溪镇', publicKeyPem: stranger }, county);
      const v = await verify(a.path, countySvc);
      expect(v.problems[0].code).toBe('WRONG_KEY');
      expect(v.problems[0].message).toContain('签名公钥不符');
    } finally { countySvc.close(); }
  });

  it('refuses a destination inside the data dir or one that does not exist', async () => {
    const inside = await callAs(s, actorOf('admin'), 'ledgers.exportPackage', { period: PERIOD, destination: s.dir, acceptFailedChecks: true });
    expect(inside.ok || inside.error.code).toBe('BAD_DESTINATION');
    const missing = await callAs(s, actorOf('admin'), 'ledgers.exportPackage', { period: PERIOD, destination: path.join(usb, 'nope'), acceptFailedChecks: true });
    expect(missing.ok || missing.error.message).toContain('目标位置不存在');
  });

  it('leaves nothing that looks complete when the drive is pulled mid-export, and says so', async () => {
    let step = 0;
    const job = writePackage({ sqlite: s.handle.sqlite, dataDir: s.dir, actor: actorOf('admin'), township: getTownship(s.handle.sqlite)!, period: PERIOD, destination: usb,
      createdBy: 'test', acceptFailedChecks: true, cancelled: () => false,
      progress: () => { if (++step === 3) for (const d of fs.readdirSync(usb)) fs.rmSync(path.join(usb, d), { recursive: true }); } });
    await expect(job).rejects.toThrow(/U盘上没有留下完整的报送包/);
    expect(fs.readdirSync(usb)).toEqual([]);
    expect(s.handle.sqlite.prepare('SELECT COUNT(*) FROM exchange_exports').pluck().get()).toBe(0);
  });
});

describe('county mode', () => {
  it('imports verified packages, refuses a repeat, an earlier sequence, an unknown key and a tampered package', async () => {
    const countySvc = testServices({ init: true });
    try {
      const p1 = await exportTo();
      const unknown = await callAs(countySvc, county, 'ledgers.county.import', { dir: p1.path });
      expect(unknown.ok || unknown.error.code).toBe('UNKNOWN_KEY');
      await registerIn(countySvc, s);
      const p2 = await exportTo();
      const imported = await ok(countySvc, 'ledgers.county.import', { dir: p2.path }, county);
      expect(imported).toMatchObject({ sequence: 2, township: '青溪镇', warnings: ['青溪镇缺少第 1 号报送包', expect.stringContaining('未加密')] }); // no county key registered: plaintext, said so
      const again = await callAs(countySvc, county, 'ledgers.county.import', { dir: p2.path });
      expect(again.ok || again.error.code).toBe('REPEATED_SEQUENCE');
      const older = await callAs(countySvc, county, 'ledgers.county.import', { dir: p1.path });
      expect(older.ok || older.error.code).toBe('OUT_OF_ORDER');
      const p3 = await exportTo();
      flipOneByte(path.join(p3.path, 'data.json'));
      const tampered = await callAs(countySvc, county, 'ledgers.county.import', { dir: p3.path });
      expect(tampered.ok || tampered.error.message).toContain('拒绝导入');
      const forbidden = await callAs(countySvc, actorOf('admin'), 'ledgers.county.import', { dir: p3.path });
      expect(forbidden.ok || forbidden.error.code).toBe('FORBIDDEN');
    } finally { countySvc.close(); }
  });

  it('rolls up two townships and lists the same 身份证号 in both, and people in both 低保 and 特困', async () => {
    const countySvc = testServices({ init: true });
    const b = otherTownship('510902106000', '白鹤乡');
    try {
      const a = s.handle.sqlite.prepare(`SELECT m.id_number, m.name FROM members m JOIN households h ON h.id = m.household_id
        WHERE h.status = '在保' AND h.category IN ('城市低保','农村低保') AND m.state = '在户' AND m.covered = 1
        AND (h.start_month IS NULL OR h.start_month <= ?) LIMIT 1`).get(PERIOD) as { id_number: string; name: string };
      const target = b.handle.sqlite.prepare(`SELECT m.id FROM members m JOIN households h ON h.id = m.household_id
        WHERE h.status = '在保' AND m.state = '在户' AND m.covered = 1 AND (h.start_month IS NULL OR h.start_month <= ?) LIMIT 1`).get(PERIOD) as { id: number };
      b.handle.sqlite.prepare('UPDATE members SET id_number = ? WHERE id = ?').run(a.id_number, target.id);
      b.handle.sqlite.prepare("UPDATE households SET category = '特困供养-分散' WHERE id = (SELECT household_id FROM members WHERE id = ?)").run(target.id);
      // The demo closed the month before these edits: the administrator reopens it and the reviewer closes it again.
      await ok(b, 'payroll.reopen', { period: PERIOD, reason: '测试：更正成员身份证号和保障类别后重新锁定' });
      await ok(b, 'payroll.close', { period: PERIOD, closedOn: '2026-11-03' }, actorOf('reviewer'));
      await registerIn(countySvc, s);
      await registerIn(countySvc, b);
      const usbB = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-usb-'));
      await ok(countySvc, 'ledgers.county.import', { dir: (await exportTo()).path }, county);
      await ok(countySvc, 'ledgers.county.import', { dir: (await exportTo(b, usbB)).path }, county);
      fs.rmSync(usbB, { recursive: true, force: true });

      const sa = await ok(s, 'ledgers.stats', { period: PERIOD });
      const sb = await ok(b, 'ledgers.stats', { period: PERIOD });
      const roll = await ok(countySvc, 'ledgers.county.rollup', { period: PERIOD }, county);
      expect(roll.townships.map((t: { name: string }) => t.name)).toEqual(['青溪镇', '白鹤乡']);
      expect(roll.total.persons).toBe(sa.total.persons + sb.total.persons);
      expect(roll.total.fundsFen).toBe(sa.total.fundsFen + sb.total.fundsFen);
      expect(roll.total.perCapitaYuan).toBe(Math.round(roll.total.fundsFen / roll.total.persons / 100));

      const twice = await ok(countySvc, 'ledgers.county.duplicates', { period: PERIOD, kind: 'townships' }, county);
      expect(twice.items.map((i: { idNumber: string }) => i.idNumber)).toContain(a.id_number);
      const dup = twice.items.find((i: { idNumber: string }) => i.idNumber === a.id_number);
      expect(dup.entries.map((e: { township: string }) => e.township).sort()).toEqual(['白鹤乡', '青溪镇']);
      const tekun = await ok(countySvc, 'ledgers.county.duplicates', { period: PERIOD, kind: 'tekun' }, county);
      expect(tekun.items.map((i: { idNumber: string }) => i.idNumber)).toContain(a.id_number);
    } finally { countySvc.close(); b.close(); }
  }, 180_000); // a second demo township, two exports and two imports: 15 s idle, over 70 s on a loaded 2-core machine (a budget, not a wait)
});
