import type { Database as Sqlite } from 'better-sqlite3';
import { memberMatch, householdRows } from '../src-main/features/households/queries';
import { listInput } from '../src-main/features/households/schemas';

/**
 * households.list as it was before issue 17a (git 50f9f71): every match probed in households for the count, the
 * head's pinyin joined and every filtered row sorted. Kept for two uses: the county bench's side-by-side baseline
 * (same data, same load, same run) and the oracle of tests/integration/households-list-county.test.ts (the new query
 * must return the same total and rows in the same order).
 */
export function previousList(sqlite: Sqlite, raw: unknown): { total: number; ids: number[] } {
  const i = listInput.parse(raw);
  const parts: string[] = []; const args: unknown[] = [];
  if (i.q) {
    const m = memberMatch(i.q);
    const villages = (sqlite.prepare("SELECT id FROM regions WHERE level = 'village' AND instr(name, ?) > 0").all(i.q) as { id: number }[]).map((r) => r.id);
    parts.push(`(h.id IN (${m.sql})${villages.length ? ` OR h.village_id IN (${villages.join(',')})` : ''})`); args.push(...m.args);
  }
  if (i.category) { parts.push('h.category = ?'); args.push(i.category); }
  if (i.status) { parts.push('h.status = ?'); args.push(i.status); }
  if (i.villageId) { parts.push('h.village_id = ?'); args.push(i.villageId); }
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const order: Record<string, string> = { id: 'h.id', head: 'hm.pinyin_full', category: 'h.category', status: 'h.status', startMonth: 'h.start_month',
    amount: '(h.monthly_amount_fen + h.top_up_fen)', village: 'rv.sort' };
  const joins = `${i.sort === 'head' ? 'LEFT JOIN members hm ON hm.id = h.head_member_id' : ''} ${i.sort === 'village' ? 'LEFT JOIN regions rv ON rv.id = h.village_id' : ''}`;
  const dir = i.dir === 'asc' ? 'ASC' : 'DESC';
  const total = sqlite.prepare(`SELECT COUNT(*) FROM households h ${where}`).pluck().get(...args) as number;
  const ids = sqlite.prepare(`SELECT h.id FROM households h ${joins} ${where} ORDER BY ${order[i.sort]} ${dir}, h.id ${dir} LIMIT ? OFFSET ?`)
    .pluck().all(...args, i.pageSize, i.page * i.pageSize) as number[];
  return { total, ids };
}

/** The old channel's work for a page: the query above and the rows' details. */
export function previousListPage(sqlite: Sqlite, raw: unknown) {
  const r = previousList(sqlite, raw);
  return { total: r.total, rows: householdRows(sqlite, r.ids) };
}
