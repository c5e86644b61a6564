import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf, callAs, ok, testServices } from '../helpers/services';
import { packagePersons, removeStaleStaging, STAGING_DIR } from '../../src-main/features/ledgers/package';
import { generateCountyKeyPair, writeCountyKeyFiles } from '../../src-main/features/ledgers/countyKey';
import { countyUnsealer, newSealer } from '../../src-main/features/ledgers/seal';
import { sign } from '../../src-main/features/ledgers/keys';

/**
 * Issue 15 "beyond the peers": the county package is encrypted for the county (X25519 → HKDF-SHA256 → AES-256-GCM),
 * so a lost USB stick leaks nothing; only the county's private key opens it, and any change is caught.
 */
const PERIOD = '2026-10';
const county = actorOf('county');
let s: ReturnType<typeof testServices>;
let countySvc: ReturnType<typeof testServices>;
let usb: string;
let keys: string;
let countyKeyFile: string;

beforeEach(async () => {
  s = testServices({ demo: true, households: 40 });
  countySvc = testServices({ init: false });
  usb = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-usb-'));
  keys = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-county-keys-'));
  countyKeyFile = path.join(keys, 'county.pem');
  const pair = writeCountyKeyFiles(countyKeyFile);
  await ok(s, 'ledgers.setCountyKey', { publicKey: fs.readFileSync(pair.publicFile, 'utf8'), countyName: '示范县民政局', confirmFingerprint: pair.fingerprint });
  const pub = await ok(s, 'ledgers.publicKey', {});
  await ok(countySvc, 'ledgers.county.registerTownship', { divisionCode: pub.township.divisionCode, name: pub.township.name, publicKeyPem: pub.pem }, county);
});
afterEach(() => {
  s.close(); countySvc.close();
  for (const d of [usb, keys]) fs.rmSync(d, { recursive: true, force: true });
});

const exportTo = () => ok(s, 'ledgers.exportPackage', { period: PERIOD, destination: usb, acceptFailedChecks: true });
const importAs = (dir: string, keyFile?: string) => callAs(countySvc, county, 'ledgers.county.import', { dir, keyFile });
const manifestOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

function flipOneByte(file: string, at?: number) {
  const buf = fs.readFileSync(file);
  buf[at ?? Math.floor(buf.length / 2)] ^= 0x01;
  fs.writeFileSync(file, buf);
}

describe('county key registration', () => {
  it('accepts PEM or base64 raw 32 bytes with the fingerprint shown; refuses anything else, a wrong fingerprint, a non-admin and settings.set', async () => {
    const pair = generateCountyKeyPair();
    const raw = await ok(s, 'ledgers.setCountyKey', { publicKey: pair.publicKey, countyName: '示范县民政局' });
    expect(raw.fingerprint).toBe(pair.fingerprint);
    expect(raw.fingerprint).toMatch(/^([0-9A-F]{4}-){7}[0-9A-F]{4}$/);
    expect((await ok(s, 'ledgers.setCountyKey', { publicKey: pair.publicKeyPem, countyName: '示范县民政局' })).fingerprint).toBe(pair.fingerprint);
    expect(await ok(s, 'ledgers.countyKey', {}, actorOf('readonly'))).toMatchObject({ fingerprint: pair.fingerprint, countyName: '示范县民政局' });

    const ed25519 = crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    for (const bad of [ed25519, 'abc', Buffer.alloc(31).toString('base64'), Buffer.alloc(33).toString('base64'), '']) {
      const r = await callAs(s, actorOf('admin'), 'ledgers.setCountyKey', { publicKey: bad, countyName: '示范县民政局' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain('县级公钥格式不正确');
    }
    const wrongFp = await callAs(s, actorOf('admin'), 'ledgers.setCountyKey', { publicKey: pair.publicKey, countyName: '示范县民政局', confirmFingerprint: '0000-1111' });
    expect(wrongFp.ok || wrongFp.error.code).toBe('FINGERPRINT_MISMATCH');
    const clerk = await callAs(s, actorOf('clerk'), 'ledgers.setCountyKey', { publicKey: pair.publicKey, countyName: '示范县民政局' });
    expect(clerk.ok).toBe(false);
    const generic = await callAs(s, actorOf('admin'), 'settings.set', { key: 'exchange.countyPublicKey', value: { publicKey: generateCountyKeyPair().publicKey } });
    expect(generic.ok).toBe(false);
    expect((await ok(s, 'ledgers.countyKey', {})).fingerprint).toBe(pair.fingerprint);
  });
});

describe('encrypted county package', () => {
  it('round trip: only ciphertext on the stick; the county decrypts, checks and imports every person', async () => {
    const r = await exportTo();
    expect(r.encrypted).toBe(true);
    expect(r.warnings).toEqual([]);
    const names = fs.readdirSync(r.path).sort();
    expect(names.filter((n) => !n.endsWith('.enc'))).toEqual(['manifest.json', 'manifest.sig']);
    const m = manifestOf(r.path);
    expect(m.encryption).toMatchObject({ scheme: 'X25519-HKDF-SHA256-AES-256-GCM', countyKeyFingerprint: (await ok(s, 'ledgers.countyKey', {})).fingerprint });
    expect(m.createdBy).toBe('');
    for (const f of m.files) {
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.plain.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.sha256).not.toBe(f.plain.sha256);
    }
    // the plaintext staged in the data dir is gone after the export
    expect(fs.readdirSync(path.join(s.dir, 'export-staging'))).toEqual([]);
    // the township verifies the ciphertext and signature without being able to decrypt
    const own = await ok(s, 'ledgers.verifyPackage', { dir: r.path });
    expect(own).toMatchObject({ ok: true, encrypted: true, decrypted: false });

    const imported = await importAs(r.path, countyKeyFile);
    expect(imported.ok).toBe(true);
    const persons = packagePersons(s.handle.sqlite, PERIOD);
    expect(imported.ok && (imported.value as { persons: number }).persons).toBe(persons.length);
    const stored = countySvc.handle.sqlite.prepare('SELECT id_number FROM county_persons ORDER BY id_number').pluck().all();
    expect(stored).toEqual(persons.map((p) => p.idNumber).sort());
  });

  it('a ciphertext byte flipped, a manifest edited, a re-signed forgery, a wrong county key and no key each give a clear Chinese error', async () => {
    const r = await exportTo();
    const m = manifestOf(r.path);
    const target = path.join(r.path, m.files[1].name);
    const original = fs.readFileSync(target);

    flipOneByte(target);
    let res = await importAs(r.path, countyKeyFile);
    expect(!res.ok && res.error.code).toBe('HASH_MISMATCH');
    expect(!res.ok && res.error.message).toContain(`拒绝导入：${m.files[1].name} 的内容与清单的 SHA-256 不符`);

    // the flip with the manifest's hash updated: the signature no longer holds
    const mf = path.join(r.path, 'manifest.json');
    const manifestBytes = fs.readFileSync(mf);
    const edited = structuredClone(m);
    edited.files[1].sha256 = crypto.createHash('sha256').update(fs.readFileSync(target)).digest('hex');
    fs.writeFileSync(mf, JSON.stringify(edited, null, 2));
    res = await importAs(r.path, countyKeyFile);
    expect(!res.ok && res.error.code).toBe('BAD_SIGNATURE');
    expect(!res.ok && res.error.message).toContain('签名不正确');

    // even someone holding the township's signing key cannot change a byte: AES-GCM's tag refuses it
    const priv = crypto.createPrivateKey(JSON.parse(s.handle.sqlite.prepare("SELECT value FROM settings WHERE key = 'signing.privateKeyPem'").pluck().get() as string));
    const forged = Buffer.from(JSON.stringify(edited, null, 2));
    fs.writeFileSync(mf, forged);
    fs.writeFileSync(path.join(r.path, 'manifest.sig'), sign(forged, priv));
    res = await importAs(r.path, countyKeyFile);
    expect(!res.ok && res.error.code).toBe('DECRYPT_FAILED');
    expect(!res.ok && res.error.message).toContain('密文被改动或已损坏');

    fs.writeFileSync(target, original);
    fs.writeFileSync(mf, manifestBytes);
    fs.writeFileSync(path.join(r.path, 'manifest.sig'), sign(manifestBytes, priv));
    const otherKey = path.join(keys, 'other-county.pem');
    writeCountyKeyFiles(otherKey);
    res = await importAs(r.path, otherKey);
    expect(!res.ok && res.error.code).toBe('WRONG_COUNTY_KEY');
    expect(!res.ok && res.error.message).toContain('县级私钥不符');
    res = await importAs(r.path);
    expect(!res.ok && res.error.code).toBe('NEEDS_COUNTY_KEY');
    expect(!res.ok && res.error.message).toContain('请提供县级私钥文件');
    const notAKey = path.join(keys, 'township-signing.pem');
    fs.writeFileSync(notAKey, priv.export({ type: 'pkcs8', format: 'pem' }));
    res = await importAs(r.path, notAKey);
    expect(!res.ok && res.error.message).toContain('不是县级解密私钥');
    // restored exactly, it imports
    expect((await importAs(r.path, countyKeyFile)).ok).toBe(true);
  });

  it('plaintext a killed export left in export-staging/ is removed (start-up, next export) once it is stale; a running one is left alone', () => {
    const root = path.join(s.dir, STAGING_DIR);
    const stale = path.join(root, '510902105000_2026-10_009_dead');
    const running = path.join(root, '510902105000_2026-10_010_live');
    for (const d of [stale, running]) { fs.mkdirSync(d, { recursive: true }); fs.writeFileSync(path.join(d, 'data.json'), '{}'); }
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    fs.utimesSync(stale, hourAgo, hourAgo);
    fs.utimesSync(running, new Date(), new Date()); // its age from this process's clock too (under faketime the kernel's is the real day)
    expect(removeStaleStaging(s.dir)).toEqual([stale]);
    expect(fs.readdirSync(root)).toEqual([path.basename(running)]);
  });

  it('AES-GCM refuses one flipped bit, a file moved to another slot and another package folder', () => {
    const pair = generateCountyKeyPair();
    const sealer = newSealer(pair.publicKey, '510902105000_2026-10_001');
    const plain = Buffer.from('张三 510902199001011234');
    const { cipher, iv } = sealer.seal(0, '01.enc', plain);
    const u = countyUnsealer(sealer.header, crypto.createPrivateKey(pair.privateKeyPem), '510902105000_2026-10_001');
    expect(u.open(0, '01.enc', iv, cipher).equals(plain)).toBe(true);
    const flipped = Buffer.from(cipher); flipped[3] ^= 0x01;
    expect(() => u.open(0, '01.enc', iv, flipped)).toThrow(/密文被改动/);
    expect(() => u.open(1, '01.enc', iv, cipher)).toThrow(/密文被改动/);
    expect(() => u.open(0, '02.enc', iv, cipher)).toThrow(/密文被改动/);
    const other = countyUnsealer(sealer.header, crypto.createPrivateKey(pair.privateKeyPem), '510902105000_2026-10_002');
    expect(() => other.open(0, '01.enc', iv, cipher)).toThrow(/密文被改动/);
  });

  it('no ID number or name of a covered person is on the stick in any encoding (the same search finds them in an unencrypted package)', async () => {
    const persons = packagePersons(s.handle.sqlite, PERIOD);
    expect(persons.length).toBeGreaterThan(10);
    const planted = [persons[0], persons[persons.length - 1]];
    const needles = planted.flatMap((p) => [p.idNumber, p.name, p.headName, p.idNumber.slice(-8)].flatMap(encodings));
    const r = await exportTo();
    const found = (dir: string) => fs.readdirSync(dir).flatMap((n) => {
      const bytes = fs.readFileSync(path.join(dir, n));
      return needles.filter((x) => bytes.includes(x)).map((x) => `${n}: ${x.toString('hex')}`);
    });
    expect(found(r.path)).toEqual([]);

    // control: the search can fail — without a county key the package is plaintext and the ID is found
    s.handle.sqlite.prepare("DELETE FROM settings WHERE key = 'exchange.countyPublicKey'").run();
    const plainPkg = await exportTo();
    expect(plainPkg.encrypted).toBe(false);
    expect(found(plainPkg.path).length).toBeGreaterThan(0);
  });

  it('without a registered county key the export still works, unencrypted, with a loud warning the county import repeats', async () => {
    s.handle.sqlite.prepare("DELETE FROM settings WHERE key = 'exchange.countyPublicKey'").run();
    expect(await ok(s, 'ledgers.countyKey', {})).toBeNull();
    const r = await exportTo();
    expect(r.encrypted).toBe(false);
    expect(r.warnings[0]).toContain('本报送包未加密');
    expect(manifestOf(r.path).encryption).toBeUndefined();
    const imported = await importAs(r.path);
    expect(imported.ok && (imported.value as { warnings: string[] }).warnings.join('')).toContain('未加密');
    const audit = s.handle.sqlite.prepare("SELECT after FROM audit_log WHERE entity = 'exchange_export' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ encrypted: false });
  });
});

/** The raw bytes a value could appear as: UTF-8, UTF-16 LE/BE, GBK and JSON's \u escapes. */
function encodings(text: string): Buffer[] {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le); be.swap16();
  const escaped = Buffer.from([...text].map((c) => (c.charCodeAt(0) > 127 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join(''));
  return [Buffer.from(text, 'utf8'), le, be, iconv.encode(text, 'gbk'), escaped];
}

describe('the stop hook flow as a new user runs it (CLI)', () => {
  it('init --demo, check, export package of last month: encrypted for the demo county, which decrypts and imports it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-hook-'));
    const D = path.join(root, 'D'); const U = path.join(root, 'U'); const C = path.join(root, 'C');
    fs.mkdirSync(U);
    const cli = (...args: string[]) => {
      const r = spawnSync('npm', ['run', '-s', 'cli', '--', ...args], { encoding: 'utf8', cwd: process.cwd() });
      return { status: r.status, out: r.stdout ? JSON.parse(r.stdout) : null, err: r.stderr };
    };
    try {
      const now = new Date();
      const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
      const period = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;
      expect(cli('init', '--demo', '--data-dir', D).status).toBe(0);
      expect(cli('check', '--data-dir', D).status).toBe(0);
      const shown = cli('county-key', '--data-dir', D);
      expect(shown.out.value).toMatchObject({ countyName: '演示县民政局' });
      const exp = cli('export', 'package', '--to', U, '--period', period, '--data-dir', D);
      expect(exp.status).toBe(0);
      expect(exp.out.value).toMatchObject({ encrypted: true, countyKeyFingerprint: shown.out.value.fingerprint });
      expect(exp.err).not.toContain('未加密');
      const demoKey = path.join(D, '演示县级密钥', '县级私钥_演示.pem');
      expect(fs.statSync(demoKey).mode & 0o777).toBe(0o600);
      expect(cli('check', '--data-dir', D).status).toBe(0);

      // the county: its own key pair (0600, never overwritten), the township's signing key, then import
      const keygen = cli('county', 'keygen', '--out', path.join(C, 'keys', '县级私钥.pem'), '--data-dir', C);
      expect(keygen.status).toBe(0);
      expect(fs.statSync(keygen.out.value.privateKeyFile).mode & 0o777).toBe(0o600);
      expect(cli('county', 'keygen', '--out', keygen.out.value.privateKeyFile, '--data-dir', C).out.error.message).toContain('不会覆盖');
      const pub = cli('public-key', '--data-dir', D).out.value;
      const pubFile = path.join(root, 'township.pem'); fs.writeFileSync(pubFile, pub.pem);
      expect(cli('county', 'register', '--division-code', pub.township.divisionCode, '--name', pub.township.name, '--key', pubFile, '--data-dir', C).status).toBe(0);
      const pkg = path.join(U, exp.out.value.folderName);
      const wrong = cli('county', 'import', pkg, '--key', keygen.out.value.privateKeyFile, '--data-dir', C);
      expect(wrong.status).toBe(1);
      expect(wrong.out.error.message).toContain('县级私钥不符');
      const imp = cli('county', 'import', pkg, '--key', demoKey, '--data-dir', C);
      expect(imp.status).toBe(0);
      expect(imp.out.value.persons).toBeGreaterThan(100);
      expect(cli('verify', pkg, '--county-key', demoKey, '--data-dir', D).out.value).toMatchObject({ ok: true, decrypted: true });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 600_000);
});
