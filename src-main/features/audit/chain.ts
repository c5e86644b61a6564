import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Actor, AuditEntry } from '../../ipc/contract';
import { prepared } from '../../db/prepared';

export const GENESIS_HASH = '0'.repeat(64);

interface AuditRow {
  id: number; at: string; user_id: number | null; username: string; channel: string; entity: string;
  entity_id: string | null; before: string | null; after: string | null; prev_hash: string; hash: string;
}

/** The hash of one row covers its id, all its fields and the previous row's hash. */
export function rowHash(r: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([r.id, r.at, r.user_id, r.username, r.channel, r.entity, r.entity_id,
    r.before, r.after, r.prev_hash]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
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
  const row = {
    id: (prev?.id ?? 0) + 1, at: nextTimestamp(), user_id: actor.userId, username: actor.username, channel,
    entity: e.entity, entity_id: e.entityId == null ? null : String(e.entityId),
    before: json(e.before), after: json(e.after), prev_hash: prev?.hash ?? GENESIS_HASH,
  };
  const hash = rowHash(row);
  prepared(sqlite, `INSERT INTO audit_log (id, at, user_id, username, channel, entity, entity_id, before, after, prev_hash, hash)
    VALUES (@id, @at, @user_id, @username, @channel, @entity, @entity_id, @before, @after, @prev_hash, @hash)`)
    .run({ ...row, hash });
  return row.id;
}

export interface ChainReport { ok: boolean; rows: number; broken: { id: number; reason: string }[] }

/** Walks the whole chain; reports every row whose hash or link does not match. */
export function verifyAuditChain(sqlite: Database.Database): ChainReport {
  const broken: ChainReport['broken'] = [];
  let prevHash = GENESIS_HASH;
  let prevId = 0;
  let rows = 0;
  for (const r of sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    rows++;
    if (r.id !== prevId + 1) broken.push({ id: r.id, reason: `第 ${prevId + 1} 至 ${r.id - 1} 条审计记录缺失（被删除）` });
    if (r.prev_hash !== prevHash) broken.push({ id: r.id, reason: `第 ${r.id} 条审计记录与上一条的链接不符` });
    const { hash, ...rest } = r;
    if (rowHash(rest) !== hash) broken.push({ id: r.id, reason: `第 ${r.id} 条审计记录的内容被改动（哈希不符）` });
    prevHash = r.hash;
    prevId = r.id;
  }
  return { ok: broken.length === 0, rows, broken };
}
