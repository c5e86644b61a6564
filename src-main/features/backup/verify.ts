import Database from 'better-sqlite3';
import fs from 'node:fs';
import { knownSchemaVersion } from '../../db/connection';
import { verifyAuditChain } from '../audit/chain';
import { readManifest, sha256File } from './manifest';

export interface VerifyReport {
  ok: boolean;
  problems: string[];
  schemaVersion: number | null;
  auditRows: number | null;
  integrity: string[];
}

/**
 * Checks a database file before it may become the live one: it is a SQLite file of this program, not newer
 * than this build, PRAGMA integrity_check says ok, and its audit hash chain is intact.
 */
export function verifyDatabaseFile(file: string): VerifyReport {
  const report: VerifyReport = { ok: false, problems: [], schemaVersion: null, auditRows: null, integrity: [] };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    report.schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const known = knownSchemaVersion();
    if (report.schemaVersion > known) report.problems.push(`备份由更新版本的程序创建（结构版本 ${report.schemaVersion}，本程序只认识到 ${known}）`);
    report.integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (report.integrity.join() !== 'ok') report.problems.push(`数据库完整性检查未通过：${report.integrity.slice(0, 3).join('；')}`);
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get()) {
      report.problems.push('这不是本程序的数据库（缺少审计记录表）');
    } else {
      const chain = verifyAuditChain(db);
      report.auditRows = chain.rows;
      if (!chain.ok) report.problems.push(`审计链被破坏：${chain.broken.slice(0, 3).map((b) => b.reason).join('；')}`);
    }
  } catch (e) {
    report.problems.push(`无法读取数据库文件：${(e as Error).message}`);
  } finally {
    db?.close();
  }
  report.ok = report.problems.length === 0;
  return report;
}

/** A backup set: its manifest's hash must match (a truncated USB copy is caught here), then the database checks. */
export function verifyBackupFile(file: string, manifestOf = file): VerifyReport & { manifest: boolean } {
  if (!fs.existsSync(file)) {
    return { ok: false, problems: ['备份文件不存在'], schemaVersion: null, auditRows: null, integrity: [], manifest: false };
  }
  const manifest = readManifest(manifestOf);
  if (manifest && (manifest.db.size !== fs.statSync(file).size || manifest.db.sha256 !== sha256File(file))) {
    return { ok: false, problems: ['备份文件与其清单的校验值不符（文件不完整或已损坏）'], schemaVersion: null, auditRows: null, integrity: [], manifest: true };
  }
  return { ...verifyDatabaseFile(file), manifest: !!manifest };
}
