import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * A fingerprint of everything a session's rights rest on: name, role, active flag and password hash. A session keeps
 * the stamp it was opened with; any change of the user (demotion, deactivation, password reset, a restore) changes
 * the stamp and ends the session at its next call, whichever process made the change.
 */
export function userStamp(sqlite: Database.Database, userId: number): string | null {
  const u = sqlite.prepare('SELECT username, display_name, role, active, password_hash FROM users WHERE id = ?').get(userId) as
    { username: string; display_name: string; role: string; active: number; password_hash: string } | undefined;
  if (!u || !u.active) return null;
  return crypto.createHash('sha256').update(JSON.stringify([u.username, u.display_name, u.role, u.active, u.password_hash])).digest('hex');
}
