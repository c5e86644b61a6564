import type Database from 'better-sqlite3';
import type { Actor, Progress } from '../ipc/contract';

/**
 * What a job running in a worker thread gets. `sqlite` is the worker's own READ-ONLY connection to the same WAL
 * database, inside one read transaction for the whole job (a consistent snapshot); writes go back to the caller,
 * which makes them in the main process's one writer (ctx.tx).
 */
export interface WorkerJobContext {
  sqlite: Database.Database;
  dataDir: string;
  actor: Actor;
  progress(p: Progress): void;
  /** True once the caller cancelled (the worker is also terminated shortly after; check it between steps). */
  cancelled(): boolean;
  /**
   * A fresh temp path in `dir` for an output file (e.g. a PDF in the outbox). Hand it back in the result: the caller
   * renames it into place in the main process. The engine deletes it if the job fails or is cancelled, and the
   * router deletes it if the caller did not take it, so nothing half-written is left.
   */
  tempFile(dir: string, ext: string): string;
}

export type WorkerJob<I = any, R = any> = (ctx: WorkerJobContext, input: I) => Promise<R> | R; // eslint-disable-line @typescript-eslint/no-explicit-any

export type WorkerJobMap = Record<string, WorkerJob>;

/** Declares a feature's worker jobs with their input and result types kept. */
export function workerJobs<T extends WorkerJobMap>(jobs: T): T {
  return jobs;
}

/** Messages between the main process (pool) and a worker (host). */
export type ToWorker =
  | { type: 'run'; id: number; job: string; input: unknown; dataDir: string; dbFile: string; actor: Actor; cancelFlag: SharedArrayBuffer };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'temp'; id: number; path: string }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'error'; id: number; error: WorkerError };

export interface WorkerError { app: boolean; code: string; message: string; details?: unknown; stack?: string }
