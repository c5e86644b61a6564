import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/**
 * Package sequence numbers are taken in the database before anything is written (package_reservations), so a
 * crash between writing and renaming cannot hand the same number to the next export: the number is burnt, and the
 * start-up reconciliation says what became of it.
 */
export interface Reservation { sequence: number; period: string; folderName: string; destination: string; reservedAt: string; state: string }

export function reserveSequence(sqlite: Database.Database, r: { period: string; destination: string; folderName: (seq: number) => string }): Reservation {
  return sqlite.transaction(() => {
    const seq = 1 + Math.max(
      (sqlite.prepare('SELECT MAX(sequence) FROM exchange_exports').pluck().get() as number | null) ?? 0,
      (sqlite.prepare('SELECT MAX(sequence) FROM package_reservations').pluck().get() as number | null) ?? 0);
    const row = { sequence: seq, period: r.period, folderName: r.folderName(seq), destination: r.destination, reservedAt: new Date().toISOString(), state: 'reserved' };
    sqlite.prepare(`INSERT INTO package_reservations (sequence, period, folder_name, destination, reserved_at, state)
      VALUES (@sequence, @period, @folderName, @destination, @reservedAt, @state)`).run(row);
    return row;
  }).immediate();
}

export function settleReservation(sqlite: Database.Database, sequence: number, state: 'exported' | 'abandoned', note: string | null = null): void {
  sqlite.prepare('UPDATE package_reservations SET state = ?, note = ? WHERE sequence = ?').run(state, note, sequence);
}

export const openReservations = (sqlite: Database.Database) =>
  sqlite.prepare(`SELECT sequence, period, folder_name AS folderName, destination, reserved_at AS reservedAt, state
    FROM package_reservations WHERE state = 'reserved' ORDER BY sequence`).all() as Reservation[];

/** The 未完成_ folders an interrupted export of this package left on its destination. */
export function unfinishedFolders(r: Reservation): string[] {
  try {
    return fs.readdirSync(r.destination).filter((n) => n.startsWith(`未完成_${r.folderName}_`)).map((n) => path.join(r.destination, n));
  } catch { return []; }
}
