import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type Database from 'better-sqlite3';
import { outboxFiles } from '../db/schema/outbox';
import type { Actor } from './contract';
import { AppError } from './errors';
import { outboxPath } from './files';
import { roleHas, type Permission } from './permissions';

/** The only types the app writes to the outbox, and the header each is served under. */
const SERVED_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pem': 'application/x-pem-file',
  '.jpg': 'image/jpeg', '.png': 'image/png', '.tif': 'image/tiff',
};

/** Served outbox files run nothing: no script, no plugin but the PDF viewer, no form, framed only by the app. */
export const OUTBOX_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; " +
  "frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

export interface OutboxWriter { sqlite: Database.Database; dataDir: string; actor: Actor; channel?: string; permission?: Permission }

/**
 * Reserves a new outbox file for `label` (e.g. 青溪镇低保对象花名册_2026-11.xlsx): the name gets a random part so it
 * cannot be guessed, and the row records who may fetch it, by default the permission of the calling channel
 * (a caller without one gets 'admin': fail closed). Returns the name to hand back and the path to write.
 */
export function newOutboxFile(ctx: OutboxWriter, label: string, opts: { permission?: Permission | Permission[]; inline?: boolean } = {}) {
  const ext = path.extname(label).toLowerCase();
  if (!SERVED_TYPES[ext]) throw new AppError('INTERNAL', `内部错误：输出目录不接受 ${ext || '无扩展名'} 文件`);
  const stem = path.basename(label, path.extname(label)).replace(/[^\w\u4e00-\u9fa5\-()（）]/g, '_').slice(0, 100) || 'file';
  const name = `${stem}-${crypto.randomBytes(12).toString('hex')}${ext}`;
  drizzle(ctx.sqlite).insert(outboxFiles).values({
    name, permission: allOf(opts.permission ?? ctx.permission ?? 'admin'), inline: (opts.inline ?? false) && ext === '.pdf',
    channel: ctx.channel ?? 'print', createdBy: ctx.actor.username, createdAt: new Date().toISOString(),
  }).run();
  return { name, path: outboxPath(ctx.dataDir, name) };
}

/**
 * Who may fetch a file is every permission what it contains needs, stored as 'case.review+sensitive.read' (a document
 * only reviewers print that also carries full ID numbers is for a role holding both). 'read' adds nothing.
 */
export function allOf(permissions: Permission | Permission[]): string {
  const list = [...new Set(Array.isArray(permissions) ? permissions : [permissions])];
  const strict = list.filter((p) => p !== 'read' && p !== 'public');
  return (strict.length ? strict : list.length ? list : ['admin']).sort().join('+');
}

/** A role may fetch a file only if it holds every permission recorded for it (an unknown one grants nothing). */
export const mayFetch = (role: string | undefined, recorded: string) => recorded.split('+').every((p) => roleHas(role, p));

export type OutboxRecord = typeof outboxFiles.$inferSelect;

export const outboxRecord = (sqlite: Database.Database, name: string): OutboxRecord | undefined =>
  drizzle(sqlite).select().from(outboxFiles).where(eq(outboxFiles.name, name)).get();

/** The recorded outbox file `name` if `actor` may read it; else a Chinese refusal (unrecorded files do not exist). */
export function readableOutboxFile(sqlite: Database.Database, dataDir: string, actor: Actor | undefined, name: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  const rec = typeof name === 'string' ? outboxRecord(sqlite, name) : undefined;
  const file = rec ? outboxPath(dataDir, rec.name) : null;
  if (!rec || !file || !fs.existsSync(file)) throw new AppError('NOT_FOUND', '文件不存在或已清理，请重新生成');
  if (!mayFetch(actor.role, rec.permission)) throw new AppError('FORBIDDEN', '当前账号没有查看此文件的权限');
  return { file, record: rec };
}

export interface OutboxResponse { status: number; headers: Record<string, string>; file?: string; body?: string }

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_FILE_NAME: 400 };

/**
 * How to answer a request for an outbox file (shared by the web bridge and Electron's app://dibao/outbox/):
 * only recorded files of served types, for a role holding the file's permission; nosniff and a CSP always;
 * inline only for the app's own PDFs, everything else as an attachment.
 */
export function outboxResponse(sqlite: Database.Database, dataDir: string, actor: Actor | undefined, name: string, download = false): OutboxResponse {
  try {
    const { file, record } = readableOutboxFile(sqlite, dataDir, actor, name);
    const type = SERVED_TYPES[path.extname(file).toLowerCase()];
    if (!type) throw new AppError('NOT_FOUND', '文件不存在');
    const disposition = record.inline && !download ? 'inline' : 'attachment';
    return { status: 200, file, headers: { 'content-type': type, 'x-content-type-options': 'nosniff', 'content-security-policy': OUTBOX_CSP,
      'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(record.name)}`, 'cache-control': 'no-store' } };
  } catch (e) {
    const err = e instanceof AppError ? e : new AppError('NOT_FOUND', '文件不存在');
    return { status: STATUS[err.code] ?? 404, headers: { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' },
      body: JSON.stringify({ ok: false, error: { code: err.code, message: err.message } }) };
  }
}
