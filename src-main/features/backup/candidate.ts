import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../db/connection';
import { verifyAuditChain } from '../audit/chain';
import { compareWithAnchors, recordAnchor, storedAnchors } from '../audit/anchors';
import { knownAnchors } from './anchors';
import { userReplayProblems } from '../audit/replay';
import { partitionWaived, recordWaivers, storedWaivers, type AnchorLoss, type AnchorWaiver } from './waivers';

export interface CandidateCheck {
  problems: string[]; auditRows: number; schemaVersion: number; newSigningKey: boolean;
  /** Anchors the restored chain no longer reaches, given up by the administrator's override (with the reason). */
  waived: AnchorWaiver[];
  /** The candidate failed only on anchors: an administrator may accept the loss with a reason. */
  anchorsOnly: boolean;
}

const setting = (db: Database.Database, key: string) => {
  const v = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  try { return v ? JSON.parse(v) as string : null; } catch { return null; }
};
const putSetting = (db: Database.Database, key: string, value: unknown) =>
  db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`).run(key, JSON.stringify(value), new Date().toISOString());

/**
 * Opens the staged copy of a backup with this build's migrations (in its own folder, so nothing live is touched)
 * and checks it as the app will use it: keyed audit chain, every anchor the office knows (it may not be shorter
 * than the newest or differ before it), an administrator to sign in with. Then prepares it: a USB backup has no
 * private key, so the live one is put back (or, on a new PC, a new key is made and must be registered with the
 * county again), and the live anchors are carried over, so restoring an older copy cannot forget them.
 */
export function checkCandidate(stagingDir: string, live: Database.Database | null, dataDir: string, acceptAnchorLoss: AnchorLoss | null = null): CandidateCheck {
  const out: CandidateCheck = { problems: [], auditRows: 0, schemaVersion: 0, newSigningKey: false, waived: [], anchorsOnly: false };
  let cand: ReturnType<typeof openDatabase>;
  try { cand = openDatabase(stagingDir); } catch (e) {
    out.problems.push(`用本程序的数据库结构打开备份失败：${(e as Error).message}`);
    return out;
  }
  try {
    const db = cand.sqlite;
    out.schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const chain = verifyAuditChain(db);
    out.auditRows = chain.rows;
    if (!chain.ok) out.problems.push(`审计链被破坏：${chain.broken.slice(0, 3).map((b) => b.reason).join('；')}`);
    // losses an administrator accepted before (in the live database or the backup itself) stay accepted
    const carried = live ? storedWaivers(live).waivers : [];
    const { open } = partitionWaived(compareWithAnchors(db, knownAnchors(live, dataDir).anchors), [...carried, ...storedWaivers(db).waivers]);
    if (!db.prepare("SELECT 1 FROM users WHERE role = 'admin' AND active = 1").get()) out.problems.push('备份中没有可用的管理员账号，恢复后无法登录管理');
    if (chain.ok) out.problems.push(...userReplayProblems(db).map((p) => `备份中${p}`));
    out.anchorsOnly = out.problems.length === 0 && open.length > 0;
    // the override accepts only the anchors: a broken chain or a forged role is refused whatever the reason
    if (!(acceptAnchorLoss && out.anchorsOnly)) out.problems.push(...open.map((p) => `备份${p.reason.replace(/^审计链/, '的审计链')}`));
    if (out.problems.length) return out;
    db.transaction(() => {
      if ((acceptAnchorLoss && open.length) || carried.length) out.waived = recordWaivers(db, acceptAnchorLoss ? open : [], acceptAnchorLoss, carried);
      out.newSigningKey = restoreSigningKey(db, live);
      if (live) carryPackageNumbers(db, live);
      if (live) for (const a of storedAnchors(live).anchors) {
        const has = db.prepare('SELECT 1 FROM audit_anchors WHERE kind = ? AND ref = ? AND rows = ?').get(a.kind, a.ref, a.rows);
        if (!has) recordAnchor(db, a);
      }
    })();
    db.pragma('journal_mode = DELETE');
  } finally {
    cand.sqlite.close();
  }
  return out;
}

/**
 * Package numbers already used (or burnt) stay used: an older backup does not know the packages sent after it, and
 * handing their numbers out again would make the county refuse the next package as a repeat.
 */
function carryPackageNumbers(db: Database.Database, live: Database.Database) {
  const has = (d: Database.Database) => !!d.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'package_reservations'").get();
  if (!has(live) || !has(db)) return;
  const rows = live.prepare('SELECT sequence, period, folder_name, destination, reserved_at, state, note FROM package_reservations').all() as
    { sequence: number; period: string; folder_name: string; destination: string; reserved_at: string; state: string; note: string | null }[];
  const ins = db.prepare(`INSERT OR IGNORE INTO package_reservations (sequence, period, folder_name, destination, reserved_at, state, note)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const r of rows) {
    const exported = r.state === 'exported';
    ins.run(r.sequence, r.period, r.folder_name, r.destination, r.reserved_at, exported ? 'exported' : 'abandoned',
      exported ? `恢复备份时保留（已导出 ${r.folder_name}）` : (r.note ?? '恢复备份时作废'));
  }
}

/** A backup without the private key gets the live one back when it is the same key pair; else a new pair. */
function restoreSigningKey(db: Database.Database, live: Database.Database | null): boolean {
  if (setting(db, 'signing.privateKeyPem')) return false;
  const livePriv = live ? setting(live, 'signing.privateKeyPem') : null;
  if (livePriv && live && setting(live, 'signing.publicKeyPem') === setting(db, 'signing.publicKeyPem')) {
    putSetting(db, 'signing.privateKeyPem', livePriv);
    return false;
  }
  const keys = crypto.generateKeyPairSync('ed25519');
  putSetting(db, 'signing.publicKeyPem', keys.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  putSetting(db, 'signing.privateKeyPem', keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  return true;
}
