import type Database from 'better-sqlite3';
import { LIKE_ESCAPE, likeContains, likeSuffix } from '../../db/like';

export interface LookupHousehold { id: number; headName: string | null; villageName: string | null; status: string;
  members: { id: number; name: string; relation: string }[] }

/** Households whose head or any member matches a name (or the last digits of a 身份证号), for the pickers. */
export function householdLookup(sqlite: Database.Database, q: string): LookupHousehold[] {
  const like = likeContains(q);
  const hs = sqlite.prepare(`SELECT DISTINCT h.id, head.name AS headName, v.name AS villageName, h.status FROM members m
    JOIN households h ON h.id = m.household_id LEFT JOIN members head ON head.id = h.head_member_id LEFT JOIN regions v ON v.id = h.village_id
    WHERE m.name LIKE ? ${LIKE_ESCAPE} OR m.id_number LIKE ? ${LIKE_ESCAPE} ORDER BY h.id LIMIT 20`).all(like, likeSuffix(q)) as Omit<LookupHousehold, 'members'>[];
  const ms = sqlite.prepare("SELECT id, name, relation FROM members WHERE household_id = ? AND state = '在户' ORDER BY id");
  return hs.map((h) => ({ ...h, members: ms.all(h.id) as LookupHousehold['members'] }));
}
