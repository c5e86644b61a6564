import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Actor, AuditEntry } from '../../ipc/contract';
import { prepared } from '../../db/prepared';

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
  const canonical = JSON.stringify([r.id, r.at, r.user_id, r.username, r.channel, r.entity, r.entity_id,
    r.before, r.after, r.prev_hash]);
  return crypto.createHmac('sha256', key).update(canonical).digest('hex');
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

export interface ChainReport { ok: boolean; rows: number; headHash: string | null; broken: { id: number; reason: string }[] }

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
  let prevHash = GENESIS_HASH;
  let prevId = 0;
  let rows = 0;
  for (const r of sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    rows++;
    if (r.id !== prevId + 1) broken.push({ id: r.id, reason: `第 ${prevId + 1} 至 ${r.id - 1} 条审计记录缺失（被删除）` });
    if (r.prev_hash !== prevHash) broken.push({ id: r.id, reason: `第 ${r.id} 条审计记录与上一条的链接不符` });
    const { hash, ...rest } = r;
    if (rowHash(rest, key) !== hash) broken.push({ id: r.id, reason: `第 ${r.id} 条审计记录的内容被改动（校验码不符）` });
    prevHash = r.hash;
    prevId = r.id;
  }
  return { ok: broken.length === 0, rows, headHash: rows ? prevHash : null, broken };
}
