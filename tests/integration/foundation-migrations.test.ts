import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openDatabase, knownSchemaVersion, DB_FILE_NAME } from '../../src-main/db/connection';
import { migrationsDir } from '../../src-main/paths';

const journal = () => JSON.parse(fs.readFileSync(path.join(migrationsDir(), 'meta', '_journal.json'), 'utf8')) as
  { entries: { idx: number; when: number; tag: string }[] };
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-mig-'));

describe('migrations', () => {
  it('journal timestamps strictly increase (drizzle skips an out-of-order migration silently)', () => {
    const e = journal().entries;
    expect(e.length).toBeGreaterThan(0);
    for (let i = 1; i < e.length; i++) expect(e[i].when).toBeGreaterThan(e[i - 1].when);
    e.forEach((entry, i) => expect(entry.idx).toBe(i));
  });

  it('every migration named in the journal exists as a SQL file', () => {
    for (const e of journal().entries) expect(fs.existsSync(path.join(migrationsDir(), `${e.tag}.sql`))).toBe(true);
  });

  it('a database made by the first migration migrates to the latest and keeps its rows', () => {
    const first = tmp();
    fs.mkdirSync(path.join(first, 'meta'));
    const j = journal();
    fs.copyFileSync(path.join(migrationsDir(), `${j.entries[0].tag}.sql`), path.join(first, `${j.entries[0].tag}.sql`));
    fs.writeFileSync(path.join(first, 'meta', '_journal.json'), JSON.stringify({ ...j, entries: [j.entries[0]] }));
    const dataDir = tmp();
    const sqlite = new Database(path.join(dataDir, DB_FILE_NAME));
    migrate(drizzle(sqlite), { migrationsFolder: first });
    sqlite.pragma('user_version = 1');
    sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('probe', '1', 'x')").run();
    sqlite.close();

    const h = openDatabase(dataDir);
    expect(h.sqlite.pragma('user_version', { simple: true })).toBe(knownSchemaVersion());
    expect(h.sqlite.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: '1' });
    const applied = h.sqlite.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(j.entries.length);
    h.sqlite.close();
  });

  it('refuses a database written by a newer app version instead of opening it', () => {
    const dataDir = tmp();
    openDatabase(dataDir).sqlite.close();
    const raw = new Database(path.join(dataDir, DB_FILE_NAME));
    raw.pragma(`user_version = ${knownSchemaVersion() + 1}`);
    raw.close();
    expect(() => openDatabase(dataDir)).toThrowError(/更新版本/);
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    const h = openDatabase(tmp());
    expect(h.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(h.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(h.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    h.sqlite.close();
  });
});
