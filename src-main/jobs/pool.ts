import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { AppError } from '../ipc/errors';
import type { Actor, Progress } from '../ipc/contract';
import type { FromWorker, ToWorker, WorkerError, WorkerJobMap } from './contract';

export interface RunOptions {
  dataDir: string;
  dbFile: string;
  actor: Actor;
  progress(p: Progress): void;
  /** Polled while the job runs; once true the job is stopped and its temp files are deleted. */
  cancelled(): boolean;
  /** Told of every temp file the job creates (the router deletes the ones nobody took). */
  onTemp?(file: string): void;
}

export interface JobPool {
  run<R>(job: string, input: unknown, opts: RunOptions): Promise<R>;
  /**
   * Starts one worker now, so the first job does not pay for loading pdfmake/exceljs and the fonts. Resolves once it
   * is ready (a failed start is reported to the first job, never here).
   */
  warm(): Promise<void>;
  /** Worker threads alive now (started, loading or running). */
  workers(): number;
  close(): Promise<void>;
}

/** How long a cancelled job may take to stop by itself before its worker is terminated. */
const CANCEL_GRACE_MS = 200;

interface Slot { worker: Worker; busy: boolean; ready: Promise<void> }

/**
 * Runs registered jobs in worker threads (at most `max` at once, the rest wait), so PDF rendering, xlsx
 * writing and other long reads never block the main process's event loop. `entry` is the worker script:
 * a .ts file under tsx (dev, tests, CLI, web) or the bundled .cjs in the app.
 */
export function createJobPool(entry: string, opts: { max?: number } = {}): JobPool {
  const max = opts.max ?? 2;
  const slots: Slot[] = [];
  const waiting: ((s: Slot | null) => void)[] = []; // null: the pool closed while the job waited
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    const execArgv = entry.endsWith('.ts') ? [...workerExecArgv(process.execArgv), '--import', import.meta.resolve('tsx')] : undefined;
    const worker = new Worker(entry, { execArgv });
    worker.unref(); // an idle worker never keeps the CLI alive
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', (m: FromWorker) => { if (m.type === 'ready') resolve(); });
      worker.once('error', reject);
    });
    ready.catch(() => {}); // reported to the job that waits on it
    const slot: Slot = { worker, busy: false, ready };
    worker.once('exit', () => { const i = slots.indexOf(slot); if (i >= 0) slots.splice(i, 1); });
    slots.push(slot);
    return slot;
  }

  function acquire(): Promise<Slot | null> {
    const idle = slots.find((s) => !s.busy);
    if (idle) { idle.busy = true; return Promise.resolve(idle); }
    if (slots.length < max) { const s = spawn(); s.busy = true; return Promise.resolve(s); }
    return new Promise((resolve) => waiting.push(resolve));
  }

  function release(slot: Slot, alive: boolean) {
    slot.busy = false;
    if (!alive) { const i = slots.indexOf(slot); if (i >= 0) slots.splice(i, 1); }
    const next = waiting.shift();
    if (!next) return;
    const s = alive ? slot : spawn();
    s.busy = true;
    next(s);
  }

  async function run<R>(job: string, input: unknown, o: RunOptions): Promise<R> {
    if (closed) throw closedError(); // never a stray worker after its data dir closed
    if (o.cancelled()) throw cancelledError();
    const slot = await acquire();
    if (!slot) throw closedError();
    let alive = true;
    const temps = new Set<string>();
    try {
      await slot.ready.catch((e) => { alive = false; throw e; });
      return await new Promise<R>((resolve, reject) => {
        const id = nextId++;
        const flag = new SharedArrayBuffer(4);
        const w = slot.worker;
        let stopping = false;
        let kill: NodeJS.Timeout | undefined;
        // the kill timer goes with the job: this worker may already run the next job when it would fire
        const finish = (fn: () => void) => { clearInterval(poll); clearTimeout(kill); w.off('message', onMessage); w.off('error', onError); w.off('exit', onExit); w.unref(); fn(); };
        const onMessage = (m: FromWorker) => {
          if (!('id' in m) || m.id !== id) return;
          if (m.type === 'progress') { if (!stopping) o.progress(m.progress); }
          else if (m.type === 'temp') { temps.add(m.path); o.onTemp?.(m.path); }
          else if (m.type === 'done') finish(() => { temps.clear(); resolve(m.value as R); });
          else if (m.type === 'error') finish(() => reject(stopping ? cancelledError() : fromWorker(m.error)));
        };
        const onError = (e: Error) => { alive = false; finish(() => reject(stopping ? cancelledError() : e)); };
        const onExit = () => { alive = false; finish(() => reject(stopping ? cancelledError() : new AppError('INTERNAL', '内部错误：后台任务意外退出'))); };
        const poll = setInterval(() => {
          if (stopping || !o.cancelled()) return;
          stopping = true;
          Atomics.store(new Int32Array(flag), 0, 1);
          // a job busy inside pdfmake cannot look at the flag: stop the thread itself
          kill = setTimeout(() => { alive = false; void w.terminate(); }, CANCEL_GRACE_MS);
          kill.unref();
        }, 25);
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        w.ref(); // a running job keeps the process alive until it answers
        w.postMessage({ type: 'run', id, job, input, dataDir: o.dataDir, dbFile: o.dbFile, actor: o.actor, cancelFlag: flag } satisfies ToWorker);
      });
    } catch (e) {
      for (const t of temps) fs.rmSync(t, { force: true }); // a terminated worker could not clean up after itself
      throw e;
    } finally {
      release(slot, alive);
    }
  }

  return {
    run,
    warm: () => {
      if (!closed && !slots.length) spawn();
      return Promise.all(slots.map((x) => x.ready.catch(() => {}))).then(() => {});
    },
    workers: () => slots.length,
    close: async () => {
      closed = true;
      for (const w of waiting.splice(0)) w(null);
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}

/** Flags that decide how modules load (tsx's hooks, export conditions), with whether they take a value. */
const LOADER_FLAGS = new Map([['--require', true], ['-r', true], ['--import', true], ['--loader', true], ['--experimental-loader', true],
  ['--conditions', true], ['-C', true], ['--enable-source-maps', false], ['--no-warnings', false]]);

/**
 * The parent's flags a worker needs to load our .ts sources as the parent does. Nothing else is passed: a worker given a
 * V8 or process-wide flag (--expose-gc, --max-old-space-size, --title) refuses to start (ERR_WORKER_INVALID_EXEC_ARGV),
 * and every print and export failed with 内部错误 in a process started with one (`npm run bench` runs --expose-gc).
 * Those flags already hold for the whole process, the worker included. --eval/--print and their code are dropped too.
 */
export function workerExecArgv(parent: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parent.length; i++) {
    const [flag] = parent[i].split('=', 1);
    const takesValue = LOADER_FLAGS.get(flag);
    if (takesValue === undefined) continue;
    if (!takesValue || parent[i].includes('=')) out.push(parent[i]);
    else if (i + 1 < parent.length) out.push(parent[i], parent[++i]);
  }
  return out;
}

const closedError = () => new AppError('INTERNAL', '内部错误：后台任务引擎已关闭');
const cancelledError = () => new AppError('CANCELLED', '已取消，没有生成任何文件');

/** Rebuilds the worker's error: an AppError as it was, anything else with its code for the router's usual wording. */
function fromWorker(e: WorkerError): Error {
  if (e.app) return new AppError(e.code, e.message, e.details);
  const err = new Error(e.message) as Error & { code?: string };
  if (e.code) err.code = e.code;
  if (e.stack) err.stack = e.stack;
  return err;
}

/**
 * The same jobs run in this thread, as they did before the engine: the bench's side-by-side baseline. It still
 * reads on the main connection and honours progress, cancel between steps and temp files.
 */
export function inlineJobPool(jobs: WorkerJobMap): JobPool {
  return {
    run: async <R>(job: string, input: unknown, o: RunOptions): Promise<R> => {
      const fn = Object.hasOwn(jobs, job) ? jobs[job] : undefined;
      if (!fn) throw new AppError('INTERNAL', `内部错误：后台任务 ${job} 未注册`);
      const sqlite = new Database(o.dbFile, { readonly: true, fileMustExist: true });
      try {
        return await fn({ sqlite, dataDir: o.dataDir, actor: o.actor, progress: o.progress, cancelled: o.cancelled,
          tempFile: (dir, ext) => {
            fs.mkdirSync(dir, { recursive: true });
            const t = path.join(dir, `.job-${crypto.randomBytes(8).toString('hex')}${ext}.part`);
            o.onTemp?.(t);
            return t;
          } }, input) as R;
      } finally { sqlite.close(); }
    },
    warm: async () => {},
    workers: () => 0,
    close: async () => {},
  };
}
