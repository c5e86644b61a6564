import type Database from 'better-sqlite3';
import type { Check } from '../../cli/checks';
import { getTownship } from '../settings/store';
import { verifyAuditChain } from '../audit/chain';
import { compareWithAnchors, newestAnchor, storedAnchors, type Anchor } from '../audit/anchors';
import { backupsDir, listSets } from './store';
import { userReplayProblems } from '../audit/replay';
import { partitionWaived, storedWaivers, waiverNotes } from './waivers';

/**
 * The heads recorded in the manifests of the data dir's backups. Files outside the database: emptying audit_log
 * and audit_anchors together still leaves these. A pre-restore copy records the database a restore replaced
 * (a head the restored chain legitimately leaves behind), so it is no anchor.
 */
export function backupManifestAnchors(dataDir: string): Anchor[] {
  return listSets(backupsDir(dataDir)).filter((s) => s.complete && s.kind !== 'pre-restore').flatMap((s) => {
    const m = s.manifest;
    return m?.audit ? [{ kind: 'backup' as const, ref: s.name, rows: m.audit.rows, headHash: m.audit.headHash, at: m.createdAt }] : [];
  });
}

/** Every anchor this data dir knows of: the database's table and the backup manifests on disk. */
export function knownAnchors(sqlite: Database.Database | null, dataDir: string): { anchors: Anchor[]; forged: Anchor[] } {
  const stored = sqlite ? storedAnchors(sqlite) : { anchors: [], forged: [] };
  return { anchors: [...stored.anchors, ...backupManifestAnchors(dataDir)], forged: stored.forged };
}

export interface AnchorReport {
  ok: boolean; chainRows: number; anchors: number; newest: Anchor | null; problems: string[];
  /** Rollbacks an administrator accepted when restoring an older backup (who, when, why, which heads). */
  rollbacks: string[]; waivedAnchors: number;
}

/**
 * The chain against every anchor; also an initialized township whose chain is empty (setup always writes row 1).
 * Anchors given up by an administrator's audited override are not failures but explained in `rollbacks`.
 */
export function anchorReport(sqlite: Database.Database, dataDir: string): AnchorReport {
  const { anchors, forged } = knownAnchors(sqlite, dataDir);
  const chain = verifyAuditChain(sqlite);
  const waivers = storedWaivers(sqlite);
  const { open, waived } = partitionWaived(compareWithAnchors(sqlite, anchors), waivers.waivers);
  const problems = open.map((p) => p.reason);
  if (waivers.forged.length) problems.push(`有 ${waivers.forged.length} 条“接受审计链回退”记录的校验码不符（不是本工作站写入的），不予采信`);
  if (forged.length) problems.push(`有 ${forged.length} 条链头记录的校验码不符（不是本工作站写入的）：${forged.slice(0, 3).map((a) => a.ref).join('；')}`);
  if (chain.rows === 0 && getTownship(sqlite)) problems.push('本工作站已初始化，但审计记录为空：审计记录表被清空');
  return { ok: problems.length === 0, chainRows: chain.rows, anchors: anchors.length, newest: newestAnchor(anchors), problems,
    rollbacks: waiverNotes(waivers.waivers), waivedAnchors: waived.length };
}

/** `cli check`: users' roles and active flags replayed from the audit trail (a direct edit leaves no audit row). */
export const userReplayCheck: Check = (s) => {
  const problems = userReplayProblems(s.handle.sqlite);
  return { name: '用户角色与审计记录比对', ok: problems.length === 0, details: { problems } };
};

/** `cli check`: the audit chain compared with the newest heads that left the database. */
export const auditAnchorCheck: Check = (s) => {
  const r = anchorReport(s.handle.sqlite, s.dataDir);
  return { name: '审计链与已导出链头（报送包、备份清单）比对', ok: r.ok, details: r };
};
