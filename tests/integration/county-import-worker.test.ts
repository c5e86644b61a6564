import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callAs, ok, testServices } from '../helpers/services';
import { countyActor, withCountyOffice } from '../helpers/county';
import { writeCountyKeyFiles } from '../../src-main/features/ledgers/countyKey';
import { registerTownship } from '../../src-main/features/ledgers/county';
import { sign } from '../../src-main/features/ledgers/keys';
import type { Services } from '../../src-main/services';

/**
 * Issue 17: the county package import verifies, decrypts and re-counts in a job worker (ledgers.county.read), and
 * stores in the main process's one writer in one transaction. What the clerk sees must not change: the same refusals
 * in the same words, nothing stored on a refusal or a cancel, every person stored on success.
 */
const PERIOD = '2026-10';
let s: ReturnType<typeof testServices>;
let work: string;
let keyFile: string;
let encrypted: string; // a sealed package folder, copied before each use
let plain: string; // the same month unencrypted (no county key registered), for re-signed edits

beforeAll(async () => {
  s = testServices({ demo: true, households: 120 });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-county-worker-'));
  fs.mkdirSync(path.join(work, 'plain'));
  plain = path.join(work, 'plain', (await ok(s, 'ledgers.exportPackage', { period: PERIOD, destination: path.join(work, 'plain'), acceptFailedChecks: true })).folderName);
  keyFile = path.join(work, 'keys', 'county.pem');
  const pair = writeCountyKeyFiles(keyFile);
  await ok(s, 'ledgers.setCountyKey', { publicKey: pair.publicKey, countyName: '示范县民政局', confirmFingerprint: pair.fingerprint });
  fs.mkdirSync(path.join(work, 'sealed'));
  const r = await ok(s, 'ledgers.exportPackage', { period: PERIOD, destination: path.join(work, 'sealed'), acceptFailedChecks: true });
  expect(r.encrypted).toBe(true);
  encrypted = r.path;
}, 120_000);
afterAll(() => { s.close(); fs.rmSync(work, { recursive: true, force: true }); });

let copies = 0;
/** A fresh copy of a package folder (same folder name, its own parent), so a test may change it. */
function copyOf(dir: string): string {
  const to = path.join(work, `copy-${++copies}`, path.basename(dir));
  fs.cpSync(dir, to, { recursive: true });
  return to;
}

const importInto = (c: Services, dir: string, key?: string, jobId?: string) =>
  c.router.call({ channel: 'ledgers.county.import', input: { dir, keyFile: key }, actor: countyActor, jobId });

/** What a refused or cancelled import must leave: nothing. */
function nothingImported(c: Services) {
  const count = (sql: string) => c.handle.sqlite.prepare(sql).pluck().get();
  expect(count('SELECT COUNT(*) FROM county_packages')).toBe(0);
  expect(count('SELECT COUNT(*) FROM county_persons')).toBe(0);
  expect(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'county_package'")).toBe(0);
}

describe('county import through the job worker', () => {
  it('the package is read in the worker: main opens none of its files nor the key, the pool runs ledgers.county.read with the paths only', async () => {
    await withCountyOffice(s, async (c) => {
      const dir = copyOf(encrypted);
      const run = vi.spyOn(c.jobs, 'run');
      const opened: string[] = [];
      const realOpen = fs.openSync.bind(fs) as (...a: unknown[]) => number;
      const realRead = fs.readFileSync.bind(fs) as (...a: unknown[]) => unknown;
      const open = vi.spyOn(fs, 'openSync').mockImplementation(((f: fs.PathLike, ...rest: unknown[]) => { opened.push(String(f)); return realOpen(f, ...rest); }) as typeof fs.openSync);
      const read = vi.spyOn(fs, 'readFileSync').mockImplementation(((f: unknown, ...rest: unknown[]) => { opened.push(String(f)); return realRead(f, ...rest); }) as typeof fs.readFileSync);
      let r;
      try { r = await importInto(c, dir, keyFile); } finally { open.mockRestore(); read.mockRestore(); }
      expect(r.ok).toBe(true);
      // and the commit's checkpoint of the log runs there too (db/checkpoint)
      expect(run.mock.calls.map((x) => [x[0], x[1]])).toEqual([['ledgers.county.read', { dir, keyFile }], ['db.checkpoint', {}]]);
      run.mockRestore(); // (restoring clears the recorded calls)
      expect(opened.filter((f) => f.startsWith(dir) || f.includes('county.pem'))).toEqual([]);
      expect(c.jobs.workers()).toBeGreaterThan(0);
      // every person of the township's month, once
      const persons = (r as { value: { persons: number } }).value.persons;
      expect(persons).toBeGreaterThan(200);
      expect(c.handle.sqlite.prepare('SELECT COUNT(*) FROM county_persons').pluck().get()).toBe(persons);
      expect(c.handle.sqlite.prepare('SELECT COUNT(DISTINCT id_number) FROM county_persons').pluck().get()).toBe(persons);
    });
  });

  it('the bar says what happens: 正在校验签名, 正在解密, 已读 N 行, 正在写入 N 人', async () => {
    await withCountyOffice(s, async (c) => {
      const seen: string[] = [];
      c.router.events.on('progress', (p) => { if (p.jobId === 'imp-bar') seen.push(p.message ?? ''); });
      const r = await importInto(c, copyOf(encrypted), keyFile, 'imp-bar');
      expect(r.ok).toBe(true);
      const persons = (r as { value: { persons: number } }).value.persons;
      expect(seen).toContain('正在校验签名…');
      expect(seen).toContain('正在解密…');
      expect(seen.some((m) => /^正在核对行数：01_低保对象花名册\.xlsx 已读 \d+ 行$/.test(m))).toBe(true);
      expect(seen.at(-1)).toBe(`正在写入 ${persons} 人…`);
    });
  });

  it('a tampered package, a wrong county key, a missing key file and no key are refused in the same words, and nothing is stored', async () => {
    await withCountyOffice(s, async (c) => {
      const dir = copyOf(encrypted);
      const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      const target = path.join(dir, m.files[1].name);
      const original = fs.readFileSync(target);
      const flipped = Buffer.from(original);
      flipped[Math.floor(flipped.length / 2)] ^= 0x01;
      fs.writeFileSync(target, flipped);
      const refusals: [string | undefined, string, string][] = [];
      const refused = async (key: string | undefined) => {
        const r = await importInto(c, dir, key);
        expect(r.ok).toBe(false);
        if (!r.ok) refusals.push([key && path.basename(key), r.error.code, r.error.message]);
        if (!r.ok && r.error.code === 'HASH_MISMATCH') expect(r.error.details).toMatchObject({ problems: [{ code: 'HASH_MISMATCH' }] }); // from the worker, details and all
        nothingImported(c);
      };
      await refused(keyFile);
      fs.writeFileSync(target, original);
      const other = path.join(work, 'keys', 'other.pem');
      writeCountyKeyFiles(other);
      await refused(other);
      await refused(path.join(work, 'keys', 'missing.pem'));
      await refused(undefined);
      expect(refusals[0].slice(1)).toEqual(['HASH_MISMATCH', `拒绝导入：${m.files[1].name} 的内容与清单的 SHA-256 不符：文件已损坏或被改动`]);
      expect(refusals[1][1]).toBe('WRONG_COUNTY_KEY');
      expect(refusals[1][2]).toMatch(/^拒绝导入：县级私钥不符：本包是为指纹 .+ 的县级公钥加密的，所给私钥对应的公钥指纹为 .+；请使用本县登记给乡镇的那把私钥$/);
      expect(refusals[2].slice(1)).toEqual(['NO_COUNTY_KEY', `找不到县级私钥文件：${path.join(work, 'keys', 'missing.pem')}`]);
      expect(refusals[3][1]).toBe('NEEDS_COUNTY_KEY');
      expect(refusals[3][2]).toContain('请提供县级私钥文件');
      // restored, it imports
      const again = await importInto(c, dir, keyFile);
      expect(again.ok).toBe(true);
      // and the same package twice is a repeat, checked in main inside the write
      const twice = await importInto(c, dir, keyFile);
      expect(!twice.ok && twice.error.code).toBe('REPEATED_SEQUENCE');
      expect(c.handle.sqlite.prepare('SELECT COUNT(*) FROM county_packages').pluck().get()).toBe(1);
    });
  });

  it('cancel while the worker reads leaves nothing imported, and the package imports afterwards', async () => {
    await withCountyOffice(s, async (c) => {
      const dir = copyOf(encrypted);
      let cancelledAt = '';
      c.router.events.on('progress', (p) => { if (p.jobId === 'imp-cancel' && !cancelledAt) { cancelledAt = p.message ?? ''; c.router.cancel('imp-cancel'); } });
      const r = await importInto(c, dir, keyFile, 'imp-cancel');
      expect(cancelledAt).not.toMatch(/^正在写入/);
      expect(r.ok).toBe(false);
      expect(!r.ok && [r.error.code, r.error.message]).toEqual(['CANCELLED', '已取消，没有导入任何数据']);
      nothingImported(c);
      expect((await importInto(c, dir, keyFile)).ok).toBe(true);
    });
  });

  it('a township key registered anew while the worker checked the package: refused, nothing stored', async () => {
    await withCountyOffice(s, async (c) => {
      const dir = copyOf(encrypted);
      const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      let swapped = false;
      c.router.events.on('progress', (p) => {
        if (p.jobId !== 'imp-key' || swapped) return;
        swapped = true; // the worker has read the registered key by now (its first message comes after the lookup)
        const other = crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
        registerTownship(c.handle.sqlite, { divisionCode: m.divisionCode, name: m.township.name, publicKeyPem: other }, 'test');
      });
      const r = await importInto(c, dir, keyFile, 'imp-key');
      expect(swapped).toBe(true);
      expect(!r.ok && [r.error.code, r.error.message]).toEqual(['KEY_CHANGED', `拒绝导入：校验期间${m.township.name}登记的公钥被更换或删除，请重新导入`]);
      nothingImported(c);
    });
  });

  it('校验报送包 runs in the worker too: the same answer for the township (ciphertext only) and with the county key (decrypted)', async () => {
    const run = vi.spyOn(s.jobs, 'run');
    const own = await ok(s, 'ledgers.verifyPackage', { dir: encrypted });
    const withKey = await ok(s, 'ledgers.verifyPackage', { dir: encrypted, countyKeyFile: keyFile });
    expect(run.mock.calls.map((x) => x[0])).toEqual(['ledgers.verify', 'ledgers.verify']);
    run.mockRestore();
    expect(own).toMatchObject({ ok: true, encrypted: true, decrypted: false, problems: [] });
    expect(withKey).toMatchObject({ ok: true, encrypted: true, decrypted: true, problems: [] });
    expect(Object.keys(withKey)).not.toContain('contents'); // the verified bytes stay in the worker
  });

  it('a signed data.json with a person lacking a field is refused by that person\'s place, nothing stored', async () => {
    await withCountyOffice(s, async (c) => {
      const dir = copyOf(plain);
      const dataFile = path.join(dir, 'data.json');
      const data = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
      delete data.persons[2].village;
      const bytes = Buffer.from(JSON.stringify(data));
      fs.writeFileSync(dataFile, bytes);
      // re-signed with the township's own key: the package is authentic, its content is not usable
      const mf = path.join(dir, 'manifest.json');
      const m = JSON.parse(fs.readFileSync(mf, 'utf8'));
      const f = m.files.find((x: { name: string }) => x.name === 'data.json');
      f.bytes = bytes.length;
      f.sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const manifestBytes = Buffer.from(JSON.stringify(m, null, 2));
      fs.writeFileSync(mf, manifestBytes);
      const priv = crypto.createPrivateKey(JSON.parse(s.handle.sqlite.prepare("SELECT value FROM settings WHERE key = 'signing.privateKeyPem'").pluck().get() as string));
      fs.writeFileSync(path.join(dir, 'manifest.sig'), sign(manifestBytes, priv));
      const r = await callAs(c, countyActor, 'ledgers.county.import', { dir });
      expect(!r.ok && [r.error.code, r.error.message]).toEqual(['BAD_DATA', '拒绝导入：data.json 第 3 个人员的村缺失或不是文字']);
      nothingImported(c);
    });
  });
});
