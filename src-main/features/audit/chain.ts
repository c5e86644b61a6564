import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Actor, AuditEntry } from '../../ipc/contract';
import { prepared } from '../../db/prepared';
import { registerAfterMigrate, type MigrationContext } from '../../db/upgrades';
import { canonicalRow, LEGACY_SEAL_CHANNEL, legacyRowHash, parseSeal, type LegacySeal } from './legacy';

export const GENESIS_HASH = '0'.repeat(64);

interface AuditRow {
  id: number; at: string; user_id: number | null; username: string; channel: string; entity: string;
  entity_id: string | null; before: string | null; after: string | null; prev_hash: string; hash: string;
}

/**
 * The hash of one row: HMAC-SHA256 with the township's chain key over its id, all its fields and the previous
 * row's hash. Someone who edits rows and recomputes plain SHA-256 hashes (or HMACs with a guessed key) breaks it.
 */
export function rowHash(r: Omit<AuditRow, 'hash'>, key: Buffer): string {
  return crypto.createHmac('sha256', key).update(canonicalRow(r)).digest('hex');
}

const CHAIN_KEY_SALT = 'dibao-audit-chain/1';
const keys = new WeakMap<Database.Database, Buffer>();

/** The chain key derived from the township's Ed25519 private key (one-way: the key cannot be recovered from it). */
export function deriveChainKey(privateKeyPem: string): Buffer {
  const der = crypto.createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'der' });
  return Buffer.from(crypto.hkdfSync('sha256', der, CHAIN_KEY_SALT, 'audit_log', 32));
}

function tableExists(sqlite: Database.Database, name: string): boolean {
  return !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

/**
 * The chain key of a database: the stored one (audit_chain_key), else derived from the signing key. Null before
 * first-run setup (no signing key yet) or in a database of some other program.
 */
export function chainKey(sqlite: Database.Database): Buffer | null {
  const cached = keys.get(sqlite);
  if (cached) return cached;
  let key: Buffer | null = null;
  if (tableExists(sqlite, 'audit_chain_key')) {
    const hex = sqlite.prepare('SELECT key_hex FROM audit_chain_key WHERE id = 1').pluck().get() as string | undefined;
    if (hex && /^[0-9a-f]{64}$/.test(hex)) key = Buffer.from(hex, 'hex');
  }
  if (!key && tableExists(sqlite, 'settings')) {
    const pem = sqlite.prepare("SELECT value FROM settings WHERE key = 'signing.privateKeyPem'").pluck().get() as string | undefined;
    try { if (pem) key = deriveChainKey(JSON.parse(pem) as string); } catch { key = null; }
  }
  if (key) keys.set(sqlite, key);
  return key;
}

/** Stores the derived key, so the chain stays checkable when a USB backup drops the private key. */
function persistChainKey(sqlite: Database.Database, key: Buffer) {
  prepared(sqlite, 'INSERT OR IGNORE INTO audit_chain_key (id, key_hex, created_at) VALUES (1, ?, ?)')
    .run(key.toString('hex'), new Date().toISOString());
}

let lastAt = '';
/** Strictly increasing ISO timestamps, even for two writes in the same millisecond. */
function nextTimestamp(): string {
  let at = new Date().toISOString();
  if (at <= lastAt) at = new Date(Date.parse(lastAt) + 1).toISOString();
  lastAt = at;
  return at;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** Appends one audit row. Call inside the write's transaction. */
export function appendAudit(sqlite: Database.Database, actor: Actor, channel: string, e: AuditEntry): number {
  const prev = prepared(sqlite, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  let key = chainKey(sqlite);
  if (!key) {
    // before first-run setup there is no signing key to derive from: a random chain key, stored like the derived
    // one (not cached: if this transaction rolls back, so does the key)
    key = crypto.randomBytes(32);
    persistChainKey(sqlite, key);
  } else if (!prev) persistChainKey(sqlite, key);
  const row = {
    id: (prev?.id ?? 0) + 1, at: nextTimestamp(), user_id: actor.userId, username: actor.username, channel,
    entity: e.entity, entity_id: e.entityId == null ? null : String(e.entityId),
    before: json(e.before), after: json(e.after), prev_hash: prev?.hash ?? GENESIS_HASH,
  };
  const hash = rowHash(row, key);
  prepared(sqlite, `INSERT INTO audit_log (id, at, user_id, username, channel, entity, entity_id, before, after, prev_hash, hash)
    VALUES (@id, @at, @user_id, @username, @channel, @entity, @entity_id, @before, @after, @prev_hash, @hash)`)
    .run({ ...row, hash });
  return row.id;
}

export interface ChainReport {
  ok: boolean; rows: number; headHash: string | null; broken: { id: number; reason: string }[];
  /** The chain an older version wrote with plain SHA-256, sealed at the upgrade (re-verified with its own rule). */
  legacy?: { rows: number; sealId: number; sealedAt: string };
}

/** Walks the whole chain; reports every row whose hash or link does not match. */
export function verifyAuditChain(sqlite: Database.Database): ChainReport {
  const broken: ChainReport['broken'] = [];
  if (!tableExists(sqlite, 'audit_log')) return { ok: false, rows: 0, headHash: null, broken: [{ id: 0, reason: '审计记录表不存在（已被删除）' }] };
  const key = chainKey(sqlite);
  const count = sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
  if (!key) {
    return count === 0 ? { ok: true, rows: 0, headHash: null, broken }
      : { ok: false, rows: count, headHash: null, broken: [{ id: 0, reason: '缺少审计链密钥（签名密钥），无法确认审计记录未被改动' }] };
  }
  // rows before the (first) upgrade seal are the old plain-SHA-256 chain; a second seal is never written
  const seals = sqlite.prepare('SELECT id FROM audit_log WHERE channel = ? ORDER BY id').pluck().all(LEGACY_SEAL_CHANNEL) as number[];
  const sealId = seals[0] ?? 0;
  for (const extra of seals.slice(1)) broken.push({ id: extra, reason: `第 ${extra} 条是多余的审计链升级记录（旧链只在升级时封存一次）` });
  let prevHash = GENESIS_HASH;
  let prevId = 0;
  let rows = 0;
  let seal: LegacySeal | null = null;
  for (const r of sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    rows++;
    const old = r.id < sealId;
    if (r.id !== prevId + 1) broken.push({ id: r.id, reason: `第 ${prevId + 1} 至 ${r.id - 1} 条审计记录缺失（被删除）` });
    if (r.id === sealId) {
      seal = parseSeal(r.after);
      broken.push(...sealProblems(r, seal, prevHash, rows - 1));
    } else if (r.prev_hash !== prevHash) broken.push({ id: r.id, reason: `第 ${r.id} 条审计记录与上一条的链接不符` });
    const { hash, ...rest } = r;
    if ((old ? legacyRowHash(rest) : rowHash(rest, key)) !== hash) {
      broken.push({ id: r.id, reason: `第 ${r.id} 条审计记录${old ? '（升级前的旧链）' : ''}的内容被改动（校验码不符）` });
    }
    prevHash = r.hash;
    prevId = r.id;
  }
  const legacy = sealId ? { rows: seal?.legacyRows ?? sealId - 1, sealId, sealedAt: seal?.sealedAt ?? '' } : undefined;
  return { ok: broken.length === 0, rows, headHash: rows ? prevHash : null, broken, ...(legacy ? { legacy } : {}) };
}

/** The seal must name the old chain exactly as it is now: its length, its last row and that row's hash. */
function sealProblems(r: AuditRow, seal: LegacySeal | null, prevHash: string, rowsBefore: number): { id: number; reason: string }[] {
  if (!seal) return [{ id: r.id, reason: `第 ${r.id} 条审计链升级记录的内容不可读` }];
  const rewritten = r.prev_hash !== prevHash || seal.legacyHeadHash !== r.prev_hash || seal.legacyHeadId !== r.id - 1;
  if (rewritten) return [{ id: r.id, reason: `升级时核验并封存的旧审计链（第 1 至 ${seal.legacyHeadId} 条）此后被改写：链头与第 ${r.id} 条升级记录不符` }];
  if (seal.legacyRows !== rowsBefore) return [{ id: r.id, reason: `升级时旧审计链有 ${seal.legacyRows} 条，现在只有 ${rowsBefore} 条（被删除）` }];
  return [];
}

const SYSTEM: Actor = { userId: null, username: 'system', displayName: '系统自动', role: 'admin' };

/**
 * Right after the migration that brought the keyed chain (audit_chain_key did not exist before this open): the
 * old chain is walked with its own rule and sealed by one keyed row. Only then, so editing a keyed database
 * cannot make it look old again. Rows that already failed are recorded and keep failing check.
 */
export function sealLegacyChain(sqlite: Database.Database, ctx: MigrationContext): LegacySeal | null {
  if (!ctx.tablesBefore.has('audit_log') || ctx.tablesBefore.has('audit_chain_key')) return null;
  const head = sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  if (!head) return null;
  return sqlite.transaction(() => {
    const seal: LegacySeal = { legacyRows: 0, legacyHeadId: head.id, legacyHeadHash: head.hash, rule: 'sha256', sealedAt: new Date().toISOString(), brokenAtUpgrade: [] };
    let prevHash = GENESIS_HASH;
    for (const r of sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
      seal.legacyRows++;
      const { hash, ...rest } = r;
      if ((r.id !== seal.legacyRows || r.prev_hash !== prevHash || legacyRowHash(rest) !== hash) && seal.brokenAtUpgrade.length < 50) seal.brokenAtUpgrade.push(r.id);
      prevHash = hash;
    }
    const key = chainKey(sqlite);
    if (key) persistChainKey(sqlite, key); // without a signing key appendAudit makes and stores a random one
    appendAudit(sqlite, SYSTEM, LEGACY_SEAL_CHANNEL, { entity: 'audit_chain', entityId: null, after: seal });
    return seal;
  })();
}

registerAfterMigrate('audit.sealLegacyChain', (sqlite, ctx) => { sealLegacyChain(sqlite, ctx); });
