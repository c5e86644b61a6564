import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { chainKey } from './chain';

/**
 * An anchor is a head of the audit chain (its length and last hash) written somewhere the database cannot take back:
 * a signed package on its way to the county, a backup's manifest, a row of audit_anchors. The chain may grow past an
 * anchor but never be shorter than it or different at it; so deleting the newest rows, emptying the table or
 * rewriting history with the key is caught as far as the newest anchor reaches.
 */
export interface ChainHead { rows: number; headHash: string | null }
export interface Anchor extends ChainHead { kind: 'package' | 'backup' | 'usb-backup'; ref: string; at: string }
export interface AnchorProblem { anchor: Anchor; reason: string }

/** The chain's current head. Ids run 1…n in an intact chain, so the last id is its length. */
export function chainHead(sqlite: Database.Database): ChainHead {
  const last = prepared(sqlite, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  return { rows: last?.id ?? 0, headHash: last?.hash ?? null };
}

const anchorMac = (key: Buffer, a: Anchor) =>
  crypto.createHmac('sha256', key).update(JSON.stringify([a.kind, a.ref, a.rows, a.headHash, a.at])).digest('hex');

/** Records a head that left the database. Call in the transaction that records the export or backup. */
export function recordAnchor(sqlite: Database.Database, anchor: Anchor): void {
  const key = chainKey(sqlite);
  if (!key) return; // before setup there is no chain to anchor
  prepared(sqlite, 'INSERT INTO audit_anchors (kind, ref, rows, head_hash, at, mac) VALUES (?, ?, ?, ?, ?, ?)')
    .run(anchor.kind, anchor.ref, anchor.rows, anchor.headHash, anchor.at, anchorMac(key, anchor));
}

/** The anchors kept in the database; one whose MAC does not match (planted without the key) is reported, not used. */
export function storedAnchors(sqlite: Database.Database): { anchors: Anchor[]; forged: Anchor[] } {
  const key = chainKey(sqlite);
  const hasTable = !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_anchors'").get();
  if (!hasTable) return { anchors: [], forged: [] };
  const rows = sqlite.prepare('SELECT kind, ref, rows, head_hash AS headHash, at, mac FROM audit_anchors ORDER BY id').all() as (Anchor & { mac: string })[];
  const anchors: Anchor[] = [];
  const forged: Anchor[] = [];
  for (const { mac, ...a } of rows) (key && anchorMac(key, a) === mac ? anchors : forged).push(a);
  return { anchors, forged };
}

export const newestAnchor = (anchors: Anchor[]) =>
  anchors.reduce<Anchor | null>((best, a) => (!best || a.rows > best.rows ? a : best), null);

const describe = (a: Anchor) => `${a.kind === 'package' ? '报送包' : '备份'} ${a.ref}（${a.at.slice(0, 10)}）`;

/**
 * Compares a chain with the anchors: shorter than an anchor means rows were deleted after it left; a different hash
 * at an anchor's position means the history before it was rewritten.
 */
export function compareWithAnchors(sqlite: Database.Database, anchors: Anchor[]): AnchorProblem[] {
  const head = chainHead(sqlite);
  const problems: AnchorProblem[] = [];
  for (const a of anchors) {
    if (a.rows === 0) continue;
    if (head.rows < a.rows) {
      problems.push({ anchor: a, reason: `审计链只有 ${head.rows} 条，而${describe(a)}记录时已有 ${a.rows} 条：最新的审计记录被删除或数据库被换成了旧的` });
      continue;
    }
    const hash = prepared(sqlite, 'SELECT hash FROM audit_log WHERE id = ?').pluck().get(a.rows) as string | undefined;
    if (hash !== a.headHash) problems.push({ anchor: a, reason: `第 ${a.rows} 条审计记录与${describe(a)}记录的校验码不符：此前的审计记录被改写` });
  }
  return problems;
}
