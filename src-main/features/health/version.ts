import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';

/**
 * A value that changes whenever the database may have changed: rows this connection (the app's one writer) has
 * inserted, updated or deleted since it opened, and SQLite's data_version, which moves when another process (the
 * CLI, a restore tool) commits. A rolled-back write also moves it: that only costs one more check, never a stale one.
 * Meaningful only for this connection: a restore opens a new one, and the cache is kept per connection.
 */
export function dataVersion(sqlite: Database.Database): string {
  const changes = prepared(sqlite, 'SELECT total_changes()').pluck().get() as number;
  const external = sqlite.pragma('data_version', { simple: true }) as number;
  return `${changes}:${external}`;
}
