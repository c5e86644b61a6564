import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { lockMinutesAfter } from '../../domain/loginThrottle';
import { hashPassword, verifyPassword } from './password';
import { failedError, lockedError } from './loginErrors';

/**
 * Logins for names that have no active account answer exactly like a wrong password for a real one: one scrypt
 * of the same cost, the same message, the same countdown and locks (kept in memory, per database, at most 1,000 names).
 */
const counters = new WeakMap<Database.Database, Map<string, { failures: number; lockedUntil: number }>>();
let dummyHash: string | undefined;
const MAX_NAMES = 1000;

export function checkUnknownUser(sqlite: Database.Database, username: string, password: string, hash?: string): never {
  let names = counters.get(sqlite);
  if (!names) counters.set(sqlite, (names = new Map()));
  const c = names.get(username) ?? { failures: 0, lockedUntil: 0 };
  if (c.lockedUntil > Date.now()) throw lockedError(new Date(c.lockedUntil).toISOString());
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  verifyPassword(password, hash ?? dummyHash); // the cost of a real check; a deactivated account never signs in
  c.failures += 1;
  const minutes = lockMinutesAfter(c.failures);
  if (minutes) c.lockedUntil = Date.now() + minutes * 60_000;
  names.delete(username);
  names.set(username, c);
  if (names.size > MAX_NAMES) names.delete(names.keys().next().value!);
  if (minutes) throw lockedError(new Date(c.lockedUntil).toISOString(), minutes);
  throw failedError(c.failures);
}
