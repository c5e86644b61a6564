import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';

/** Reads one JSON setting; the caller supplies the default (each feature owns its keys). */
export function getSetting<T>(sqlite: Database.Database, key: string, fallback: T): T {
  const row = prepared(sqlite, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return fallback;
  try { return JSON.parse(row.value) as T; } catch { return fallback; }
}

export function setSetting(sqlite: Database.Database, key: string, value: unknown): void {
  sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
    .run(key, JSON.stringify(value), new Date().toISOString());
}

export function allSettings(sqlite: Database.Database): Record<string, unknown> {
  const rows = sqlite.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
}

/** The township identity written at first-run setup. */
export interface Township { name: string; divisionCode: string; county: string }
export const getTownship = (sqlite: Database.Database) =>
  getSetting<Township | null>(sqlite, 'township', null);
