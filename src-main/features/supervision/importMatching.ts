// Near-relative matching for the members of a roster import, in one batch.
import type { HandlerContext } from '../../ipc/contract';
import type { DomainEvents } from '../events';
import { prepared } from '../../db/prepared';
import { matchMember } from './matching';

const IDS_PER_QUERY = 5000;

/**
 * Domain-event listener: a roster import's members. The 身份证号 of declared relatives are looked up once per 5,000
 * members (instead of one query per member, a query in the import's loop), and only the members that are someone's
 * relative go through matchMember, the same match, trigger (新增成员) and audit entry as for a member added by hand.
 */
export function onMembersImported(ctx: HandlerContext, e: DomainEvents['membersImported']) {
  const declared = new Set<string>();
  const st = prepared(ctx.sqlite, `SELECT DISTINCT id_number FROM staff_relatives
    WHERE removed_at IS NULL AND id_number IN (SELECT value FROM json_each(?))`).pluck();
  for (let i = 0; i < e.members.length; i += IDS_PER_QUERY) {
    for (const id of st.all(JSON.stringify(e.members.slice(i, i + IDS_PER_QUERY).map((m) => m.idNumber))) as string[]) declared.add(id);
  }
  if (!declared.size) return;
  for (const m of e.members) if (declared.has(m.idNumber)) matchMember(ctx, m, '新增成员');
}
