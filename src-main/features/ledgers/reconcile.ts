import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Actor } from '../../ipc/contract';
import { appendAudit } from '../audit/chain';
import { recordAnchor } from '../audit/anchors';
import { getSetting } from '../settings/store';
import { MANIFEST } from './manifest';
import { openReservations, settleReservation, unfinishedFolders, type Reservation } from './reservations';
import { verifyPackage } from './verify';

export interface ReconcileReport {
  /** Packages that were complete on the drive but not recorded (a kill after the rename): recorded now. */
  recovered: string[];
  /** Reserved numbers whose export never finished: burnt, never handed out again. */
  abandoned: number[];
  /** 未完成_ folders removed from their drive. */
  removed: string[];
  /** Leftovers that could not be reached (the stick is not plugged in) or removed: listed for the clerk. */
  left: string[];
}

/** An export in progress in another process right now is not an interrupted one. */
const STALE_MS = 30 * 60_000;

/**
 * Start-up: settles every package number still reserved from an export that did not finish, and removes the
 * 未完成_ folders such exports left behind (or lists them when their drive is not there).
 */
export async function reconcileExports(sqlite: Database.Database, actor: Actor, now = Date.now()): Promise<ReconcileReport> {
  const report: ReconcileReport = { recovered: [], abandoned: [], removed: [], left: [] };
  for (const r of openReservations(sqlite)) {
    if (now - Date.parse(r.reservedAt) < STALE_MS) continue;
    const recovered = await adoptFinishedPackage(sqlite, r, actor);
    if (recovered) report.recovered.push(r.folderName);
    else { settleReservation(sqlite, r.sequence, 'abandoned', '导出中断（程序退出或断电），该序号作废'); report.abandoned.push(r.sequence); }
    if (!fs.existsSync(r.destination)) { report.left.push(path.join(r.destination, `未完成_${r.folderName}_*`)); continue; }
    for (const dir of unfinishedFolders(r)) {
      try { fs.rmSync(dir, { recursive: true, force: true }); report.removed.push(dir); } catch { report.left.push(dir); }
    }
  }
  return report;
}

/** A kill after the rename but before the database recorded it: the package on the drive is complete; record it. */
async function adoptFinishedPackage(sqlite: Database.Database, r: Reservation, actor: Actor): Promise<boolean> {
  const dir = path.join(r.destination, r.folderName);
  if (!fs.existsSync(path.join(dir, MANIFEST))) return false;
  const own = getSetting<string | null>(sqlite, 'signing.publicKeyPem', null);
  const check = await verifyPackage(dir, () => own);
  if (!check.ok || !check.manifest || check.manifest.sequence !== r.sequence) return false;
  const m = check.manifest;
  const manifestSha256 = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, MANIFEST))).digest('hex');
  sqlite.transaction(() => {
    const id = sqlite.prepare(`INSERT INTO exchange_exports (period, sequence, folder_name, destination, manifest_sha256, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?)`).run(m.period, m.sequence, m.folderName, r.destination, manifestSha256, m.createdAt, m.createdBy).lastInsertRowid;
    settleReservation(sqlite, r.sequence, 'exported', '启动时补记（导出完成后程序中断）');
    if (m.audit) recordAnchor(sqlite, { kind: 'package', ref: m.folderName, ...m.audit, at: m.createdAt });
    appendAudit(sqlite, actor, 'startup.reconcileExports', { entity: 'exchange_export', entityId: Number(id),
      after: { period: m.period, sequence: m.sequence, folder: dir, recovered: true } });
  })();
  return true;
}
