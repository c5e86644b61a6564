import type Database from 'better-sqlite3';
import { monthlyStandard } from '../../domain/benefit';
import { areaOf } from '../applications/household';
import { standardFor } from '../applications/settings';

/** The monthly standard per person (fen, unrounded) for a household's category on a date; null when none is set. */
export function standardFenFor(sqlite: Database.Database, category: string, date: string): number | null {
  const s = standardFor(sqlite, date, areaOf(category));
  if (!s) return null;
  const q = monthlyStandard(s.standard);
  return q.n / q.d;
}
