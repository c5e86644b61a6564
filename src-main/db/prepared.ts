import type Database from 'better-sqlite3';

type Statement = Database.Statement<unknown[]>;

const statements = new WeakMap<Database.Database, Map<string, Statement>>();

/**
 * A prepared statement reused per connection. Code that runs once per row of a big import (domain-event
 * listeners, the audit trail, settings reads) must not call prepare() each time: compiling costs more than
 * running, and every Statement holds native memory that V8 does not see, so GC runs too late and RSS grows
 * by gigabytes over 50,000 rows. Not for .iterate() whose loop may run the same SQL again (nested iterate).
 */
export function prepared(sqlite: Database.Database, sql: string): Statement {
  let m = statements.get(sqlite);
  if (!m) statements.set(sqlite, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = sqlite.prepare(sql)));
  return st;
}
