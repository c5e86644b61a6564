import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { knownSchemaVersion } from '../../db/connection';
import { migrationsDir } from '../../paths';
import { verifyAuditChain } from '../audit/chain';
import type { Township } from '../settings/store';
import { readManifest, sha256File } from './manifest';

export interface VerifyReport {
  ok: boolean;
  problems: string[];
  schemaVersion: number | null;
  auditRows: number | null;
  integrity: string[];
}

/** The migrations this build knows, as drizzle records them in __drizzle_migrations (created_at → SQL hash). */
function knownMigrations(): Map<number, string> {
  const dir = migrationsDir();
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  return new Map(journal.entries.map((e) => [e.when, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, `${e.tag}.sql`), 'utf8')).digest('hex')]));
}

/**
 * This program's database, not just any SQLite file with an audit_log table: every migration it records is one of
 * ours (same time, same SQL), it has the tables the app cannot run without, and it belongs to a set-up township.
 */
function foreignProblems(db: Database.Database): string[] {
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]));
  const missing = ['__drizzle_migrations', 'settings', 'users', 'audit_log'].filter((t) => !tables.has(t));
  if (missing.length) return [`这不是本程序的数据库（缺少 ${missing.join('、')} 表）`];
  const known = knownMigrations();
  const applied = db.prepare('SELECT hash, created_at AS at FROM __drizzle_migrations').all() as { hash: string; at: number }[];
  if (applied.length === 0 || applied.some((m) => known.get(Number(m.at)) !== m.hash)) return ['这不是本程序的数据库（数据库结构的升级记录与本程序不符）'];
  if (!db.prepare("SELECT 1 FROM settings WHERE key = 'township'").get()) return ['这不是已完成初始化的本程序数据库（没有乡镇设置）'];
  return [];
}

const townshipOf = (db: Database.Database): Township | null => {
  const v = db.prepare("SELECT value FROM settings WHERE key = 'township'").pluck().get() as string | undefined;
  try { return v ? JSON.parse(v) as Township : null; } catch { return null; }
};

/**
 * Checks a database file before it may become the live one: a database of this program, not newer than this
 * build, PRAGMA integrity_check says ok, its keyed audit chain is intact and (when the office is known) it is the
 * same township's.
 */
export function verifyDatabaseFile(file: string, expect: { township?: Township | null } = {}): VerifyReport {
  const report: VerifyReport = { ok: false, problems: [], schemaVersion: null, auditRows: null, integrity: [] };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    report.schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const known = knownSchemaVersion();
    if (report.schemaVersion > known) report.problems.push(`备份由更新版本的程序创建（结构版本 ${report.schemaVersion}，本程序只认识到 ${known}）`);
    report.integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (report.integrity.join() !== 'ok') report.problems.push(`数据库完整性检查未通过：${report.integrity.slice(0, 3).join('；')}`);
    const foreign = foreignProblems(db);
    report.problems.push(...foreign);
    if (!foreign.length) {
      const chain = verifyAuditChain(db);
      report.auditRows = chain.rows;
      if (!chain.ok) report.problems.push(`审计链被破坏：${chain.broken.slice(0, 3).map((b) => b.reason).join('；')}`);
      if (chain.rows === 0) report.problems.push('备份中的审计记录为空（已初始化的数据库至少有一条），审计记录表被清空');
      const t = townshipOf(db);
      if (expect.township && t?.divisionCode !== expect.township.divisionCode) {
        report.problems.push(`备份属于${t?.name ?? '未知乡镇'}（区划代码 ${t?.divisionCode ?? '无'}），不是本工作站的${expect.township.name}`);
      }
    }
  } catch (e) {
    report.problems.push(`无法读取数据库文件：${(e as Error).message}`);
  } finally {
    db?.close();
  }
  report.ok = report.problems.length === 0;
  return report;
}

/**
 * A backup set: its manifest's hash must match (a truncated USB copy is caught here), then the database checks.
 * A file without its manifest cannot be checked for truncation: it fails unless the caller says it has none.
 */
export function verifyBackupFile(file: string, manifestOf = file, opts: { withoutManifest?: boolean; township?: Township | null } = {}):
  VerifyReport & { manifest: boolean } {
  if (!fs.existsSync(file)) {
    return { ok: false, problems: ['备份文件不存在'], schemaVersion: null, auditRows: null, integrity: [], manifest: false };
  }
  const manifest = readManifest(manifestOf);
  if (manifest && (manifest.db.size !== fs.statSync(file).size || manifest.db.sha256 !== sha256File(file))) {
    return { ok: false, problems: ['备份文件与其清单的校验值不符（文件不完整或已损坏）'], schemaVersion: null, auditRows: null, integrity: [], manifest: true };
  }
  const report = { ...verifyDatabaseFile(file, { township: opts.township }), manifest: !!manifest };
  if (!manifest && !opts.withoutManifest) {
    report.problems.unshift('缺少备份清单（.manifest.json），无法确认备份文件完整；确需恢复时请明确选择“无清单恢复”（命令行 --without-manifest）');
    report.ok = false;
  }
  return report;
}
