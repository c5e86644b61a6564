import type Database from 'better-sqlite3';

/** What the database held before this open's migrations ran. */
export interface MigrationContext { tablesBefore: ReadonlySet<string>; fromVersion: number }

/**
 * A step a feature registers to run right after the migrations, in the same open, e.g. sealing an audit chain an
 * older version wrote. Registered (not imported here) so the database layer does not depend on the features.
 */
export type AfterMigrate = (sqlite: Database.Database, ctx: MigrationContext) => void;

const steps = new Map<string, AfterMigrate>();

export function registerAfterMigrate(name: string, step: AfterMigrate): void { steps.set(name, step); }

export function runAfterMigrate(sqlite: Database.Database, ctx: MigrationContext): void {
  for (const step of steps.values()) step(sqlite, ctx);
}

export function tableNames(sqlite: Database.Database): Set<string> {
  return new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
}
