import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach } from 'vitest';
import type { Services } from '../../src-main/services';
import { coreVerbs } from '../../src-main/cli/core';
import { migrationsDir } from '../../src-main/paths';
import { DB_FILE_NAME } from '../../src-main/db/connection';
import { startWebBridge } from '../../src-main/ipc/web-bridge';

/** Shared setup of the issue 15 tests: temporary folders removed after each test, the audit-chain forger's tools, `cli check`. */

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

/** Runs `fn` after the current test (in reverse order of registration). */
export function afterThisTest(fn: () => void): void { cleanups.push(fn); }

/** A temporary folder removed after the current test. */
export function tmpDir(prefix = 'dibao-15-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterThisTest(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

const canonical = (r: Record<string, unknown>) => JSON.stringify([r.id, r.at, r.user_id, r.username, r.channel, r.entity,
  r.entity_id, r.before, r.after, r.prev_hash]);
/** The rule of the audit chain before it was keyed: plain SHA-256 (what a forger without the key can compute). */
export const plainSha = (r: Record<string, unknown>) => crypto.createHash('sha256').update(canonical(r)).digest('hex');
/** The keyed rule with a given key (what a forger holding the key can compute). */
export const hmacWith = (key: Buffer) => (r: Record<string, unknown>) => crypto.createHmac('sha256', key).update(canonical(r)).digest('hex');

/** Rewrites the hashes of rows `from`..`to` (default: to the end) with `hashOf`, as a forger would after editing row `from`. */
export function rechain(db: Database.Database, from: number, hashOf: (r: Record<string, unknown>) => string, to = Number.MAX_SAFE_INTEGER) {
  const all = db.prepare('SELECT * FROM audit_log WHERE id >= ? AND id <= ? ORDER BY id').all(from, to) as Record<string, unknown>[];
  let prev = (db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(from - 1) as string | undefined) ?? '0'.repeat(64);
  for (const r of all) {
    const hash = hashOf({ ...r, prev_hash: prev });
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id);
    prev = hash;
  }
}

export interface CheckOutput { ok: boolean; auditChain: { ok: boolean; broken: { id: number; reason: string }[]; legacy?: { rows: number; sealId: number } }; checks: { name: string; ok: boolean; details: unknown }[] }

/** `cli check` on open services, in process: exit code and the JSON it prints. */
export async function runCheck(s: Services): Promise<{ code: number; out: CheckOutput }> {
  let out: unknown;
  const code = await coreVerbs.check.run({ positional: [], flags: {}, dataDir: s.dataDir },
    { services: () => s, out: (v) => { out = v; }, progress: () => {} });
  return { code, out: out as CheckOutput };
}

/**
 * A data dir as a version before the keyed audit chain left it: the schema of migrations 0000–0011 only, the
 * tables' rows copied from `from`'s database, and every audit row re-hashed with plain SHA-256 as the old
 * appendAudit wrote it. Opening it with this build migrates it (0012 onwards).
 */
export function oldVersionDataDir(from: Database.Database): string {
  const migrations = tmpDir('dibao-old-migrations-');
  fs.cpSync(migrationsDir(), migrations, { recursive: true });
  const journalFile = path.join(migrations, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < '0012');
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  const dir = tmpDir('dibao-old-');
  const snapshot = path.join(tmpDir(), 'current.db');
  from.exec(`VACUUM INTO '${snapshot}'`);
  const db = new Database(path.join(dir, DB_FILE_NAME));
  try {
    migrate(drizzle(db), { migrationsFolder: migrations });
    db.pragma(`user_version = ${journal.entries.length}`);
    db.pragma('foreign_keys = OFF');
    db.exec(`ATTACH '${snapshot}' AS cur`);
    const tables = db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%'").pluck().all() as string[];
    for (const t of tables) {
      const cols = (db.prepare(`SELECT name FROM pragma_table_info('${t}', 'main')`).pluck().all() as string[]);
      const have = new Set(db.prepare(`SELECT name FROM pragma_table_info('${t}', 'cur')`).pluck().all() as string[]);
      const common = cols.filter((c) => have.has(c)).map((c) => `"${c}"`).join(', ');
      if (common) db.exec(`INSERT INTO main."${t}" (${common}) SELECT ${common} FROM cur."${t}"`);
    }
    db.exec('DETACH cur');
    rechain(db, 1, plainSha);
  } finally { db.close(); }
  return dir;
}

export interface Answer { status: number; headers: http.IncomingHttpHeaders; body: string }
/** One HTTP request to the web bridge, its body read as UTF-8. */
export function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** The web bridge on a free port with demo accounts signed in: calls, uploads and outbox fetches as a named user. */
export async function bridgeClient(s: Services, users: [string, string][] = [['admin', 'admin123'], ['jingban', 'demo1234'], ['chakan', 'demo1234'], ['shenhe', 'demo1234']]) {
  const b = await startWebBridge(s, 0);
  const sessions: Record<string, string> = {};
  const call = (channel: string, input: unknown, who: string) => request(`${b.url}api/call`, { method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dibao-token': b.token, 'x-dibao-session': sessions[who] ?? '' },
    body: JSON.stringify({ channel, input }) }).then((r) => JSON.parse(r.body));
  const upload = (name: string, bytes: Buffer, who: string) => request(`${b.url}api/upload`, { method: 'POST', body: bytes,
    headers: { 'x-dibao-token': b.token, 'x-dibao-session': sessions[who] ?? '', 'x-file-name': encodeURIComponent(name) } });
  const fetchOutbox = (name: string, who: string) =>
    request(`${b.url}api/outbox/${encodeURIComponent(name)}?token=${b.token}&session=${sessions[who] ?? ''}`);
  for (const [u, p] of users) {
    const r = await call('auth.login', { username: u, password: p }, '-');
    if (!r.ok) throw new Error(`login ${u}: ${r.error.message}`);
    sessions[u] = r.value.sessionId;
  }
  return { call, upload, fetchOutbox, close: () => b.close() };
}
