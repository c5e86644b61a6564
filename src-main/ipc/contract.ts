import type { z } from 'zod';
import type { Db, DbHandle } from '../db/connection';
import type { Permission, Role } from './permissions';

/** Who is calling: a logged-in user, or the CLI operator. */
export interface Actor { userId: number | null; username: string; displayName: string; role: Role }

/** What a handler may record in the audit trail. The router writes it in the same transaction. */
export interface AuditEntry { entity: string; entityId?: string | number | null; before?: unknown; after?: unknown }

export interface Progress { done: number; total: number; message?: string }

export interface HandlerContext {
  db: Db;
  sqlite: DbHandle['sqlite'];
  dataDir: string;
  actor: Actor;
  channel: string;
  /** The permission of the channel being run (files it writes to the outbox are readable with this permission). */
  permission?: Permission;
  /** Appends an audit row (inside the current transaction for mutations). */
  audit(entry: AuditEntry): void;
  /** Runs fn in one transaction with its audit rows (for 'job' channels that write in steps). */
  tx<T>(fn: () => T): T;
  /** Reports progress of a long job to the window. */
  progress(p: Progress): void;
  /** True when the window asked to cancel this job. */
  cancelled(): boolean;
  /**
   * Runs a registered worker job (src-main/features/jobs.ts) in a worker thread on a read-only snapshot, forwarding
   * its progress and this job's cancel; the event loop stays free. Write its results with ctx.tx afterwards.
   */
  inWorker<R = unknown>(job: string, input: unknown): Promise<R>;
  /**
   * A job's long write (an import): runs fn in ONE transaction that stays open while fn yields to the event loop
   * between slices, so the window keeps answering (ipc/writer.ts). Other writers wait until it commits or rolls
   * back; `waiting` is told if it must first wait for other running jobs. Only for 'job' channels.
   */
  txSliced<T>(fn: () => Promise<T>, waiting?: () => void): Promise<T>;
  /** The session id of the caller (web/Electron), for auth channels. */
  sessionId: string | null;
  /** Lets auth channels bind a user to the current session. */
  session: SessionControl;
}

export interface SessionControl {
  bind(actor: Actor): string;
  end(): void;
}

/**
 * kind: 'query' reads only; 'mutation' runs synchronously inside one transaction with its audit entries;
 * 'job' is async (imports, exports, printing) and uses ctx.tx for its writes and ctx.progress for the window.
 */
export type ChannelKind = 'query' | 'mutation' | 'job';

export interface ChannelDef<S extends z.ZodType = z.ZodType, R = unknown> {
  input: S;
  permission: Permission;
  kind: ChannelKind;
  /** Chinese one-line description, shown by `cli channels`. */
  title: string;
  handler: (ctx: HandlerContext, input: z.output<S>) => R;
}

/** Declares a channel with inference of its input and result types. */
export function channel<S extends z.ZodType, R>(def: ChannelDef<S, R>): ChannelDef<S, R> {
  return def;
}

export type ChannelMap = Record<string, ChannelDef<any, any>>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } };
