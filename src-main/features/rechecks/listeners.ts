import type { HandlerContext } from '../../ipc/contract';
import { PAID_STATUSES } from '../../domain/glossary';
import { addDeathTrigger } from './schedule';

/** Domain-event listener: a death in a paid household owes a family recheck within 3 months. */
export function onMemberDied(ctx: HandlerContext, e: { householdId: number; memberId: number; deathDate: string }) {
  const h = ctx.sqlite.prepare('SELECT status FROM households WHERE id = ?').get(e.householdId) as { status: string } | undefined;
  if (!h || !(PAID_STATUSES as readonly string[]).includes(h.status)) return;
  const t = addDeathTrigger(ctx.sqlite, e);
  ctx.audit({ entity: 'recheck_trigger', entityId: t.id, after: { ...e, dueDate: t.dueDate } });
}
