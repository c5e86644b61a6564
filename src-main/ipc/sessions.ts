import crypto from 'node:crypto';
import type { Actor } from './contract';

export interface SessionStore {
  create(actor: Actor): string;
  actorFor(id: string | null): Actor | undefined;
  end(id: string): void;
}

export const DEFAULT_IDLE_MINUTES = 15;
/** However active, a session ends after a working day and must sign in again. */
export const MAX_SESSION_HOURS = 12;

export interface SessionOptions {
  /** The user's current stamp (features/users/stamp.ts); null = gone or deactivated. */
  stampOf?: (userId: number) => string | null;
  maxHours?: number;
}

/** The idle setting as the lock uses it: a broken value (0, -5, "abc", null) falls back to the default, never disables it. */
export function effectiveIdleMinutes(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 240 ? v : DEFAULT_IDLE_MINUTES;
}

/**
 * In-memory sessions of the main process. A session idle longer than the idle setting, older than MAX_SESSION_HOURS,
 * or whose user changed since it was opened is dropped, so the window locks and asks for the password again: the
 * lock is enforced in main, not only in the UI.
 */
export function createSessionStore(idleMinutes: () => unknown = () => DEFAULT_IDLE_MINUTES, now = () => Date.now(),
  opts: SessionOptions = {}): SessionStore {
  const sessions = new Map<string, { actor: Actor; lastActive: number; createdAt: number; stamp: string | null }>();
  const maxMs = (opts.maxHours ?? MAX_SESSION_HOURS) * 3_600_000;
  const stampOf = (a: Actor) => (a.userId != null && opts.stampOf ? opts.stampOf(a.userId) : null);
  return {
    create(actor) {
      const id = crypto.randomBytes(24).toString('hex');
      sessions.set(id, { actor, lastActive: now(), createdAt: now(), stamp: stampOf(actor) });
      return id;
    },
    actorFor(id) {
      if (!id) return undefined;
      const s = sessions.get(id);
      if (!s) return undefined;
      const idleMs = effectiveIdleMinutes(idleMinutes()) * 60_000;
      const expired = now() - s.lastActive > idleMs || now() - s.createdAt > maxMs;
      if (expired || stampOf(s.actor) !== s.stamp) { sessions.delete(id); return undefined; }
      s.lastActive = now();
      return s.actor;
    },
    end(id) { sessions.delete(id); },
  };
}
