import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok, testServices } from '../helpers/services';
import { CLI_ACTOR } from '../../src-main/services';
import { reserveSequence } from '../../src-main/features/ledgers/reservations';
import { reconcileExports } from '../../src-main/features/ledgers/reconcile';
import { folderNameOf } from '../../src-main/features/ledgers/manifest';
import { countyActor, withCountyOffice } from '../helpers/county';
import { inlineJobPool } from '../../src-main/jobs/pool';
import { ledgersJobs } from '../../src-main/features/ledgers/jobs';

/** Issue 15 finding 8, package half: strict signature text, no symlinks, read once, sequence numbers never reused. */
const PERIOD = '2026-10';
let s: ReturnType<typeof testServices>;
let usb: string;
beforeEach(() => {
  s = testServices({ demo: true, households: 30 });
  usb = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-usb-'));
});
afterEach(() => { s.close(); fs.rmSync(usb, { recursive: true, force: true }); });

const exportTo = () => ok(s, 'ledgers.exportPackage', { period: PERIOD, destination: usb, acceptFailedChecks: true });
const verify = (dir: string) => ok(s, 'ledgers.verifyPackage', { dir });

describe('finding 8: package verification is strict', () => {
  it('manifest.sig with junk characters is refused although base64 decoding would skip them', async () => {
    const p = await exportTo();
    const sig = path.join(p.path, 'manifest.sig');
    const good = fs.readFileSync(sig, 'utf8').trim();
    for (const bad of [`${good.slice(0, 10)}*!${good.slice(10)}`, `${good}\n\n`, ` ${good}`, `${good}junk`]) {
      fs.writeFileSync(sig, bad);
      const v = await verify(p.path);
      expect(v.ok, JSON.stringify(bad)).toBe(false);
      expect(v.problems[0].code).toBe('BAD_SIGNATURE');
    }
    fs.writeFileSync(sig, `${good}\n`);
    expect((await verify(p.path)).ok).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('a symlinked data.json is not followed', async () => {
    const p = await exportTo();
    const data = path.join(p.path, 'data.json');
    const elsewhere = path.join(usb, 'real-data.json');
    fs.renameSync(data, elsewhere);
    fs.symlinkSync(elsewhere, data);
    const v = await verify(p.path);
    expect(v.ok).toBe(false);
    expect(v.problems.map((x: { code: string }) => x.code)).toContain('SYMLINK');
  });

  it('the county import reads data.json once: the bytes it verified are the bytes it stores', async () => {
    const p = await exportTo();
    await withCountyOffice(s, async (c) => {
      const county = countyActor;
      const opened: string[] = [];
      const readByPath: string[] = [];
      const realOpen = fs.openSync.bind(fs);
      const realRead = fs.readFileSync.bind(fs) as (...a: unknown[]) => unknown;
      const open = vi.spyOn(fs, 'openSync').mockImplementation(((f: fs.PathLike, ...rest: unknown[]) => {
        opened.push(String(f)); return (realOpen as (...a: unknown[]) => number)(f, ...rest);
      }) as typeof fs.openSync);
      const read = vi.spyOn(fs, 'readFileSync').mockImplementation(((f: unknown, ...rest: unknown[]) => {
        if (typeof f === 'string') readByPath.push(f); return realRead(f, ...rest);
      }) as typeof fs.readFileSync);
      // the import reads the package in its job worker (ledgers.county.read): run that job here, where the spies are
      const inline = inlineJobPool(ledgersJobs);
      let read1: { persons: number; personRows: string };
      try {
        read1 = await inline.run('ledgers.county.read', { dir: p.path },
          { dataDir: c.dataDir, dbFile: c.handle.file, actor: county, progress: () => {}, cancelled: () => false });
      } finally { open.mockRestore(); read.mockRestore(); }
      expect(opened.filter((f) => f.endsWith('data.json'))).toHaveLength(1);
      expect(readByPath.filter((f) => f.startsWith(p.path))).toEqual([]);
      // and the channel stores exactly those rows
      await ok(c, 'ledgers.county.import', { dir: p.path }, county);
      const stored = c.handle.sqlite.prepare('SELECT id_number FROM county_persons ORDER BY id_number').pluck().all();
      expect(stored).toEqual((JSON.parse(read1.personRows) as string[][]).map((r) => r[0]));
      expect(stored).toHaveLength(read1.persons);
    });
  });
});

describe('issue 14 item 7: the county compares the anchors packages carry', () => {
  it('refuses a later package whose audit chain is shorter than the previous package\'s', async () => {
    await withCountyOffice(s, async (c) => {
      const county = countyActor;
      const first = await exportTo();
      await ok(c, 'ledgers.county.import', { dir: first.path }, county);
      const n = s.handle.sqlite.prepare('SELECT MAX(id) FROM audit_log').pluck().get() as number;
      s.handle.sqlite.prepare('DELETE FROM audit_log WHERE id > ?').run(n - 10);
      const second = await exportTo();
      const r = await c.router.call({ channel: 'ledgers.county.import', input: { dir: second.path }, actor: county });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'AUDIT_SHORTER' });
    });
  });
});

describe('finding 8: sequence numbers are reserved before a package is written and settled at start-up', () => {
  it('a crash between writing and renaming never hands the number to the next package; start-up removes the 未完成_ folder', async () => {
    // what a killed export leaves: its reserved number and a complete 未完成_ folder
    const crashed = reserveSequence(s.handle.sqlite, { period: PERIOD, destination: usb, folderName: (n) => folderNameOf('510902105000', PERIOD, n) });
    const leftover = path.join(usb, `未完成_${crashed.folderName}_abc123`);
    fs.mkdirSync(leftover);
    fs.writeFileSync(path.join(leftover, 'data.json'), '{}');
    const next = await exportTo();
    expect(next.sequence).toBe(crashed.sequence + 1);
    const r = await reconcileExports(s.handle.sqlite, CLI_ACTOR, Date.now() + 3_600_000);
    expect(r.abandoned).toEqual([crashed.sequence]);
    expect(r.removed).toEqual([leftover]);
    expect(fs.existsSync(leftover)).toBe(false);
    const again = await exportTo();
    expect(again.sequence).toBe(next.sequence + 1);
  });

  it('a kill after the rename but before the record: start-up records the complete package and its anchor', async () => {
    const p = await exportTo();
    // forget the record, as if the process died right after the rename
    s.handle.sqlite.prepare('DELETE FROM exchange_exports').run();
    s.handle.sqlite.prepare("UPDATE package_reservations SET state = 'reserved'").run();
    s.handle.sqlite.prepare('DELETE FROM audit_anchors').run();
    const r = await reconcileExports(s.handle.sqlite, CLI_ACTOR, Date.now() + 3_600_000);
    expect(r.recovered).toEqual([p.folderName]);
    expect(s.handle.sqlite.prepare('SELECT sequence FROM exchange_exports').pluck().all()).toEqual([p.sequence]);
    expect(s.handle.sqlite.prepare("SELECT COUNT(*) FROM audit_anchors WHERE kind = 'package'").pluck().get()).toBe(1);
  });

  it('a reservation of an export still running (recent) is left alone', async () => {
    reserveSequence(s.handle.sqlite, { period: PERIOD, destination: usb, folderName: (n) => folderNameOf('510902105000', PERIOD, n) });
    const r = await reconcileExports(s.handle.sqlite, CLI_ACTOR);
    expect(r).toEqual({ recovered: [], abandoned: [], removed: [], left: [] });
  });
});
