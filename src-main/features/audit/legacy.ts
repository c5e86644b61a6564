import crypto from 'node:crypto';

/**
 * Audit chains written before the keyed chain (before migration 0012) used plain SHA-256. Such a chain is verified
 * with its own rule when the database is first opened by this version, then sealed by one keyed row (the channel
 * below) that states its length and head. From then on every check re-verifies the old rows with the old rule and
 * the seal pins their head under the key: rewriting the old part, even re-hashed, breaks the link to the seal.
 */
export const LEGACY_SEAL_CHANNEL = 'audit.sealLegacyChain';

export interface LegacySeal {
  /** Rows of the old chain and the id and hash of its last row, as found at the upgrade. */
  legacyRows: number; legacyHeadId: number; legacyHeadHash: string;
  rule: 'sha256'; sealedAt: string;
  /** Old rows that already failed their own rule at the upgrade (kept failing in check, never laundered). */
  brokenAtUpgrade: number[];
}

export interface ChainRow {
  id: number; at: string; user_id: number | null; username: string; channel: string; entity: string;
  entity_id: string | null; before: string | null; after: string | null; prev_hash: string;
}

/** The old rule: plain SHA-256 over the same canonical fields as the keyed rule. */
export function legacyRowHash(r: ChainRow): string {
  return crypto.createHash('sha256').update(canonicalRow(r)).digest('hex');
}

export function canonicalRow(r: ChainRow): string {
  return JSON.stringify([r.id, r.at, r.user_id, r.username, r.channel, r.entity, r.entity_id, r.before, r.after, r.prev_hash]);
}

/** The seal's statement, or null when the row does not carry one (then the seal is reported as broken). */
export function parseSeal(after: string | null): LegacySeal | null {
  try {
    const v = JSON.parse(after ?? 'null') as Partial<LegacySeal> | null;
    if (v && Number.isInteger(v.legacyRows) && Number.isInteger(v.legacyHeadId) && typeof v.legacyHeadHash === 'string') return v as LegacySeal;
  } catch { /* not JSON */ }
  return null;
}
