import crypto from 'node:crypto';
import type { Actor } from './contract';

export interface SessionStore {
  create(actor: Actor): string;
  actorFor(id: string | null): Actor | undefined;
  end(id: string): void;
}

/**
 * In-memory sessions of the main process. A session idle longer than the idle setting is dropped,
 * so the window locks and asks for the password again: the lock is enforced in main, not only in the UI.
 */
export function createSessionStore(idleMinutes: () => number = () => 15, now = () => Date.now()): SessionStore {
  const sessions = new Map<string, { actor: Actor; lastActive: number }>();
  return {
    create(actor) {
      const id = crypto.randomBytes(24).toString('hex');
      sessions.set(id, { actor, lastActive: now() });
      return id;
    },
    actorFor(id) {
      if (!id) return undefined;
      const s = sessions.get(id);
      if (!s) return undefined;
      const idleMs = idleMinutes() * 60_000;
      if (idleMs > 0 && now() - s.lastActive > idleMs) { sessions.delete(id); return undefined; }
      s.lastActive = now();
      return s.actor;
    },
    end(id) { sessions.delete(id); },
  };
}
