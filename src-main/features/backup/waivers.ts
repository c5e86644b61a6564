import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { chainKey } from '../audit/chain';
import type { Anchor, AnchorProblem } from '../audit/anchors';

/**
 * An accepted loss of audit history: an administrator restored a backup older than a head that had already left
 * the database (a package, a backup), giving a reason. Each anchor the restored chain no longer reaches is recorded
 * here with who, when, why and from which backup, so `cli check` explains the rollback instead of failing forever,
 * while every other anchor — and any later one — is still compared. Kept in the settings table under a key the
 * generic settings.set refuses, each entry with an HMAC of the chain key (not writable without it).
 */
export const WAIVERS_SETTING = 'audit.anchorWaivers';

export interface AnchorLoss { reason: string; by: string; restoredFrom: string }
export interface AnchorWaiver extends AnchorLoss { anchor: Anchor; decidedAt: string; chainRowsAfter: number; mac: string }

const macOf = (key: Buffer, w: Omit<AnchorWaiver, 'mac'>) => crypto.createHmac('sha256', key)
  .update(JSON.stringify(['waiver', w.anchor.kind, w.anchor.ref, w.anchor.rows, w.anchor.headHash, w.anchor.at, w.reason, w.by, w.restoredFrom, w.decidedAt, w.chainRowsAfter]))
  .digest('hex');

const sameAnchor = (a: Anchor, b: Anchor) => a.kind === b.kind && a.ref === b.ref && a.rows === b.rows && a.headHash === b.headHash;

function readAll(db: Database.Database): AnchorWaiver[] {
  const v = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(WAIVERS_SETTING) as string | undefined;
  if (!v) return [];
  try { const a = JSON.parse(v) as AnchorWaiver[]; return Array.isArray(a) ? a : []; } catch { return []; }
}

/** The waivers whose HMAC holds (a planted one is reported, never honoured). */
export function storedWaivers(db: Database.Database): { waivers: AnchorWaiver[]; forged: AnchorWaiver[] } {
  const key = chainKey(db);
  const waivers: AnchorWaiver[] = []; const forged: AnchorWaiver[] = [];
  for (const w of readAll(db)) {
    const { mac, ...rest } = w;
    (key && typeof mac === 'string' && macOf(key, rest) === mac ? waivers : forged).push(w);
  }
  return { waivers, forged };
}

/** Splits anchor problems into the ones an administrator accepted and the ones still open. */
export function partitionWaived(problems: AnchorProblem[], waivers: AnchorWaiver[]) {
  const waived = problems.filter((p) => waivers.some((w) => sameAnchor(w.anchor, p.anchor)));
  return { waived, open: problems.filter((p) => !waived.includes(p)) };
}

/** Records the accepted loss for each anchor (and keeps the ones carried over). Call in a transaction. */
export function recordWaivers(db: Database.Database, problems: AnchorProblem[], loss: AnchorLoss | null, carried: AnchorWaiver[] = []): AnchorWaiver[] {
  const key = chainKey(db);
  if (!key) throw new Error('审计链密钥不存在，无法记录接受的审计链回退');
  const chainRowsAfter = (db.prepare('SELECT COALESCE(MAX(id), 0) FROM audit_log').pluck().get() as number);
  const decidedAt = new Date().toISOString();
  const fresh = !loss ? [] : problems.map((p) => {
    const w = { ...loss, anchor: p.anchor, decidedAt, chainRowsAfter };
    return { ...w, mac: macOf(key, w) };
  });
  const existing = storedWaivers(db).waivers;
  const kept = [...existing, ...carried.filter((c) => !existing.some((e) => sameAnchor(e.anchor, c.anchor)))]
    .map(({ mac: _mac, ...w }) => ({ ...w, mac: macOf(key, w) })); // re-keyed with this database's key
  const all = [...kept.filter((k) => !fresh.some((f) => sameAnchor(f.anchor, k.anchor))), ...fresh];
  db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`).run(WAIVERS_SETTING, JSON.stringify(all), decidedAt);
  return fresh;
}

const anchorLabel = (a: Anchor) => `${a.kind === 'package' ? '报送包' : '备份'} ${a.ref}（${a.rows} 条）`;

/** One sentence per restore that gave up anchors, for `cli check` and the backup page. */
export function waiverNotes(waivers: AnchorWaiver[]): string[] {
  const byRestore = new Map<string, AnchorWaiver[]>();
  for (const w of waivers) {
    const k = `${w.decidedAt}|${w.by}|${w.restoredFrom}`;
    byRestore.set(k, [...(byRestore.get(k) ?? []), w]);
  }
  return [...byRestore.values()].map((ws) => {
    const w = ws[0];
    return `${w.decidedAt.slice(0, 10)} 管理员 ${w.by} 恢复了较旧的备份 ${w.restoredFrom}，理由：${w.reason}；审计链回退到 ${w.chainRowsAfter} 条，`
      + `已接受放弃 ${ws.length} 个链头（${ws.slice(0, 3).map((x) => anchorLabel(x.anchor)).join('、')}${ws.length > 3 ? '等' : ''}），此后的链头照常比对`;
  });
}
