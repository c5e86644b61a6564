import type Database from 'better-sqlite3';
import { prepared } from './prepared';

/**
 * Rows per multi-row INSERT. One statement per row costs a bind + step + reset round trip from JS for each row;
 * 50 rows of up to 25 columns stay far below SQLite's 32,766 bound parameters and cut that overhead ~50×.
 */
const ROWS_PER_STATEMENT = 50;

/**
 * Inserts many rows of one table (a big import): full groups of ROWS_PER_STATEMENT rows go through one multi-row
 * INSERT prepared once per table, the rest one by one. Each row holds its values in `columns` order. Runs in the
 * caller's transaction; a failing row (UNIQUE, NOT NULL, FOREIGN KEY) throws, so the caller rolls everything back.
 */
export function insertMany(sqlite: Database.Database, table: string, columns: readonly string[], rows: readonly unknown[][]): void {
  const n = columns.length;
  const one = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  let i = 0;
  if (rows.length >= ROWS_PER_STATEMENT) {
    const many = prepared(sqlite, head + new Array(ROWS_PER_STATEMENT).fill(one).join(', '));
    const flat: unknown[] = new Array(ROWS_PER_STATEMENT * n);
    for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) {
      let k = 0;
      for (let r = i; r < i + ROWS_PER_STATEMENT; r++) {
        const row = rows[r];
        if (row.length !== n) throw new Error(`insertMany ${table}: row ${r} has ${row.length} values for ${n} columns`);
        for (let c = 0; c < n; c++) flat[k++] = row[c];
      }
      many.run(flat);
    }
  }
  const single = prepared(sqlite, head + one);
  for (; i < rows.length; i++) {
    if (rows[i].length !== n) throw new Error(`insertMany ${table}: row ${i} has ${rows[i].length} values for ${n} columns`);
    single.run(rows[i]);
  }
}

/**
 * The first id an AUTOINCREMENT table will give next (above every id it ever gave, as SQLite itself would), so a
 * batch can name its rows (a household's head member) before inserting them. Only inside the writing transaction:
 * this process is the one writer, so nothing else takes these ids meanwhile.
 */
export function nextId(sqlite: Database.Database, table: 'households' | 'members'): number {
  const seq = prepared(sqlite, 'SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().get(table) as number | undefined;
  const max = prepared(sqlite, `SELECT MAX(id) FROM ${table}`).pluck().get() as number | null;
  return Math.max(seq ?? 0, max ?? 0) + 1;
}
