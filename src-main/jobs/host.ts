import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { AppError } from '../ipc/errors';
import type { Progress } from '../ipc/contract';
import type { FromWorker, ToWorker, WorkerJobContext, WorkerJobMap } from './contract';

/**
 * The worker side of the job engine: runs one job at a time on its own read-only connection, inside one read
 * transaction (a consistent snapshot of the database while the main process keeps writing).
 */
export function serveJobs(jobs: WorkerJobMap) {
  const port = parentPort;
  if (!port) throw new Error('serveJobs must run in a worker thread');
  const send = (m: FromWorker) => port.postMessage(m, m.type === 'done' ? bytesOf(m.value) : []);
  port.on('message', (m: ToWorker) => { if (m.type === 'run') void runOne(jobs, m, send); });
  send({ type: 'ready' });
}

async function runOne(jobs: WorkerJobMap, m: ToWorker, send: (m: FromWorker) => void) {
  const temps: string[] = [];
  let sqlite: Database.Database | undefined;
  try {
    const job = Object.hasOwn(jobs, m.job) ? jobs[m.job] : undefined;
    if (!job) throw new AppError('INTERNAL', `内部错误：后台任务 ${m.job} 未注册`);
    sqlite = new Database(m.dbFile, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    sqlite.exec('BEGIN'); // deferred: the snapshot starts at the first read and holds until COMMIT
    const flag = new Int32Array(m.cancelFlag);
    const ctx: WorkerJobContext = {
      sqlite, dataDir: m.dataDir, actor: m.actor,
      progress: throttled((p) => send({ type: 'progress', id: m.id, progress: p })),
      cancelled: () => Atomics.load(flag, 0) === 1,
      tempFile: (dir, ext) => {
        fs.mkdirSync(dir, { recursive: true });
        const temp = path.join(dir, `.job-${crypto.randomBytes(8).toString('hex')}${ext}.part`);
        temps.push(temp);
        send({ type: 'temp', id: m.id, path: temp });
        return temp;
      },
    };
    const value = await job(ctx, m.input);
    if (ctx.cancelled()) throw new AppError('CANCELLED', '已取消，没有生成任何文件');
    send({ type: 'done', id: m.id, value });
  } catch (e) {
    for (const temp of temps) fs.rmSync(temp, { force: true });
    send({ type: 'error', id: m.id, error: errorBody(e) });
  } finally {
    try { sqlite?.exec('COMMIT'); } catch { /* nothing was written; the read transaction just ends */ }
    sqlite?.close();
  }
}

/**
 * A result's byte buffers at its top level (e.g. a roster plan's households as JSON lines) move to the caller
 * instead of being copied: a copy of 30 MB arriving held the main thread's event loop for about 300 ms.
 */
function bytesOf(value: unknown): ArrayBuffer[] {
  if (!value || typeof value !== 'object') return [];
  const out = new Set<ArrayBuffer>();
  for (const v of Object.values(value)) {
    if (v instanceof Uint8Array && v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) out.add(v.buffer);
  }
  return [...out];
}

/** Sends a changed message at once if it is a new phase (no count) or the last step, else at most one per 100 ms. */
function throttled(send: (p: Progress) => void): (p: Progress) => void {
  let last = 0;
  let previous = '';
  return (p) => {
    const key = `${p.done}/${p.total}/${p.message ?? ''}`;
    if (key === previous) return;
    const now = Date.now();
    if (now - last >= 100 || p.total === 0 || p.done >= p.total) { last = now; previous = key; send(p); }
  };
}

/** AppErrors cross as they are; anything else keeps its code (SQLITE_BUSY, ENOSPC…) so the router words it as usual. */
function errorBody(e: unknown) {
  if (e instanceof AppError) return { app: true, code: e.code, message: e.message, details: e.details };
  const code = (e as { code?: unknown })?.code;
  return { app: false, code: typeof code === 'string' ? code : '', message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack };
}
