import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { z } from 'zod';
import type { DbHandle } from '../db/connection';
import type { Actor, AuditEntry, ChannelMap, HandlerContext, Progress, Result } from './contract';
import { AppError } from './errors';
import { chineseDatesIn } from '../domain/dates';
import { roleHas } from './permissions';
import { redactSecrets } from './secret';
import { appendAudit } from '../features/audit/chain';
import type { Logger } from './log';
import type { SessionStore } from './sessions';
import type { JobPool } from '../jobs/pool';
import { createWriterGate } from './writer';

z.config(z.locales.zhCN());

export interface CallRequest {
  channel: string;
  input: unknown;
  /** Web/Electron: the caller's session. */
  sessionId?: string | null;
  /** CLI and tests: act as this actor without a session. */
  actor?: Actor;
  jobId?: string;
}

export interface ProgressEvent extends Progress { jobId: string; channel: string }

export interface Router {
  call(req: CallRequest): Promise<Result<unknown>>;
  channels: ChannelMap;
  events: EventEmitter;
  cancel(jobId: string): void;
}

export function createRouter(handle: DbHandle, channels: ChannelMap, deps: {
  dataDir: string; sessions: SessionStore; log: Logger; jobs?: Pick<JobPool, 'run'>;
}): Router {
  const events = new EventEmitter();
  const cancelled = new Set<string>();
  const gate = createWriterGate();

  async function call(req: CallRequest): Promise<Result<unknown>> {
    const started = Date.now();
    const def = Object.hasOwn(channels, req.channel) ? channels[req.channel] : undefined;
    let actor: Actor | undefined;
    let result: Result<unknown>;
    const temps: string[] = []; // worker jobs' temp files: whatever the handler did not rename into place goes
    try {
      if (!def) throw new AppError('UNKNOWN_CHANNEL', `未知的操作：${String(req.channel).slice(0, 80)}`);
      actor = req.actor ?? deps.sessions.actorFor(req.sessionId ?? null);
      if (def.permission !== 'public' && !actor) throw new AppError('UNAUTHENTICATED', '请先登录（或长时间未操作已锁定，请重新登录）');
      if (!roleHas(actor?.role ?? 'anonymous', def.permission) && def.permission !== 'public') {
        throw new AppError('FORBIDDEN', '当前账号没有此操作的权限');
      }
      const parsed = def.input.safeParse(req.input ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const ctx = { ...makeContext(req, actor ?? anonymous, def.kind, temps), permission: def.permission };
      // a call that may write waits while an import's sliced write is open (queries never wait)
      const entered = def.kind === 'query' ? null : gate.enter();
      const leave = entered instanceof Promise ? await entered : entered;
      try {
        result = { ok: true, value: await run(def.kind, ctx, () => def.handler(ctx, parsed.data)) };
      } finally { leave?.(); }
    } catch (e) {
      result = { ok: false, error: toErrorBody(e) };
      if (!(e instanceof AppError)) deps.log.error(req.channel, e);
    } finally {
      if (req.jobId) cancelled.delete(req.jobId);
      for (const t of temps) fs.rmSync(t, { force: true });
    }
    // secrets by their schema field (passwords), never by pattern; an unknown channel's input is not written at all
    const logged = def ? redactSecrets(def.input, req.input) : '[未知操作，输入未记录]';
    deps.log.call({ channel: String(req.channel).slice(0, 80), user: actor?.username ?? '-', input: logged, ms: Date.now() - started,
      outcome: result.ok ? 'ok' : result.error.code });
    return result;
  }

  function makeContext(req: CallRequest, actor: Actor, kind: string, temps: string[] = []): HandlerContext {
    const jobId = req.jobId ?? '';
    let slicing = false; // this call's sliced write is open: its own writes belong in it
    return {
      db: handle.db, sqlite: handle.sqlite, dataDir: deps.dataDir, actor, channel: req.channel,
      audit: (entry: AuditEntry) => { gate.assertMayWrite(slicing); appendAudit(handle.sqlite, actor, req.channel, entry); },
      tx: <T>(fn: () => T) => { gate.assertMayWrite(slicing); return handle.sqlite.transaction(fn)(); },
      txSliced: async <T>(fn: () => Promise<T>, waiting?: () => void) => {
        if (kind !== 'job') throw new AppError('INTERNAL', '内部错误：分段写入只用于后台任务');
        const auto = handle.sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
        try {
          const value = await gate.sliced(async () => {
            handle.sqlite.exec('BEGIN IMMEDIATE');
            slicing = true;
            try {
              const v = await fn();
              handle.sqlite.pragma('wal_autocheckpoint = 0'); // this big commit's checkpoint runs in a worker (db/checkpoint)
              handle.sqlite.exec('COMMIT');
              return v;
            } catch (e) {
              if (handle.sqlite.inTransaction) handle.sqlite.exec('ROLLBACK');
              throw e;
            } finally { slicing = false; }
          }, waiting);
          await checkpointInWorker(actor);
          return value;
        } finally { handle.sqlite.pragma(`wal_autocheckpoint = ${auto}`); }
      },
      progress: (p: Progress) => events.emit('progress', { ...p, jobId, channel: req.channel } satisfies ProgressEvent),
      cancelled: () => cancelled.has(jobId),
      inWorker: async <R>(job: string, input: unknown) => {
        if (!deps.jobs) throw new AppError('INTERNAL', '内部错误：后台任务引擎未启动');
        const r = await deps.jobs.run<R>(job, input, { dataDir: deps.dataDir, dbFile: handle.file, actor, cancelled: () => cancelled.has(jobId),
          progress: (p) => events.emit('progress', { ...p, jobId, channel: req.channel } satisfies ProgressEvent), onTemp: (f) => temps.push(f) });
        // cancelled while the worker finished: its files are not taken (the temps go below), nothing is recorded
        if (cancelled.has(jobId)) throw new AppError('CANCELLED', '已取消，没有生成任何文件');
        return r;
      },
      sessionId: req.sessionId ?? null,
      session: {
        bind: (a: Actor) => deps.sessions.create(a),
        end: () => { if (req.sessionId) deps.sessions.end(req.sessionId); },
      },
    };
  }

  /** After a sliced write: its checkpoint off the main thread. A failure only leaves it to the next commit. */
  async function checkpointInWorker(actor: Actor) {
    if (!deps.jobs) return;
    await deps.jobs.run('db.checkpoint', {}, { dataDir: deps.dataDir, dbFile: handle.file, actor, progress: () => {}, cancelled: () => false })
      .catch((e) => deps.log.error('db.checkpoint', e));
  }

  async function run(kind: string, ctx: HandlerContext, fn: () => unknown) {
    if (kind === 'mutation') return ctx.tx(() => assertSync(fn()));
    return await fn();
  }

  return { call, channels, events, cancel: (jobId) => { cancelled.add(jobId); } };
}

const anonymous: Actor = { userId: null, username: '未登录', displayName: '未登录', role: 'readonly' };

function assertSync<T>(v: T): T {
  if (v instanceof Promise) throw new AppError('INTERNAL', '内部错误：写操作必须同步完成（请改为 job 类型）');
  return v;
}

/** zod's own zh-CN wording is for developers ("数值过大：期望 string <=32 字符"); a clerk reads plain words. */
function clerkWords(i: z.core.$ZodIssue): string {
  const n = (i as { maximum?: unknown; minimum?: unknown });
  const stringish = (i as { origin?: string }).origin === 'string';
  if (i.code === 'too_big' && stringish && i.message.startsWith('数值过大')) return `最多 ${String(n.maximum)} 个字`;
  if (i.code === 'too_small' && stringish && i.message.startsWith('数值过小')) return Number(n.minimum) <= 1 ? '请填写' : `至少 ${String(n.minimum)} 个字`;
  if (i.code === 'invalid_type' && i.message.includes('undefined')) return '请填写';
  return i.message;
}

function validationError(err: z.ZodError): AppError {
  const details = err.issues.map((i) => ({ path: i.path.join('.'), message: clerkWords(i) }));
  // Every problem at once, in words (the form shows each under its field from details; no field path in the message).
  const words = [...new Set(details.map((d) => d.message))];
  return new AppError('VALIDATION', `输入有误${words.length > 1 ? `（${words.length} 处）` : ''}：${words.join('；')}`, details);
}

/** Per-field messages keep their path (the form places them) and read dates as 2026年12月1日. */
function readableDetails(details: unknown): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d) => (d && typeof d === 'object' && typeof (d as { message?: unknown }).message === 'string'
    ? { ...d, message: chineseDatesIn((d as { message: string }).message) } : d));
}

/** Maps any error to the wire shape with a Chinese message; SQLite failures get plain words. */
export function toErrorBody(e: unknown): { code: string; message: string; details?: unknown } {
  // a person reads the message: any ISO date a feature put in it reads 2026年12月1日 (domain/dates, the one formatter)
  if (e instanceof AppError) return { code: e.code, message: chineseDatesIn(e.message), details: readableDetails(e.details) };
  const code = (e as { code?: string })?.code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return { code: 'DB_BUSY', message: '数据库正被其他程序占用，请稍后再试；本次操作未保存' };
  }
  if (code.startsWith('SQLITE_FULL')) return { code: 'DISK_FULL', message: '磁盘空间已满，本次操作未保存；请清理磁盘后重试' };
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES') {
    return { code: 'READ_ONLY', message: '数据目录不可写（只读或无权限），本次操作未保存' };
  }
  if (code === 'ENOSPC') return { code: 'DISK_FULL', message: '磁盘空间已满，本次操作未保存；请清理磁盘后重试' };
  if (code.startsWith('SQLITE_CONSTRAINT')) return { code: 'CONFLICT', message: '数据与已有记录冲突，本次操作未保存' };
  // never echo an internal message (SQL text, paths) to the caller: it is in the log
  return { code: 'INTERNAL', message: '内部错误，本次操作未保存；详情已记录在日志中' };
}
