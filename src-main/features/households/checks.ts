import type Database from 'better-sqlite3';
import type { Check } from '../../cli/checks';

/**
 * households.head_pinyin is a copy of the head's pinyin_full that the list sorts by (migration 0018's triggers keep
 * it). A copy can go stale without anyone noticing (a later migration that rebuilds the table drops its triggers),
 * and then 按户主排序 puts households in the wrong place: count every household whose copy differs from its head.
 */
export function staleHeadPinyin(sqlite: Database.Database): { count: number; sample: number[] } {
  const ids = sqlite.prepare(`SELECT h.id FROM households h LEFT JOIN members m ON m.id = h.head_member_id
    WHERE h.head_pinyin IS NOT m.pinyin_full ORDER BY h.id`).pluck().all() as number[];
  return { count: ids.length, sample: ids.slice(0, 10) };
}

export const headPinyinCheck: Check = (s) => {
  const r = staleHeadPinyin(s.handle.sqlite);
  return { name: '户档案列表的户主排序键与户主一致', ok: r.count === 0,
    details: r.count ? { 不一致户数: r.count, 户档案编号示例: r.sample } : {} };
};
