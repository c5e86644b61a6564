import type { HandlerContext } from '../../ipc/contract';
import type { DomainEvents } from '../events';
import { applyStatus, ensureBag, ensureBags, moveBag } from './bags';
import { todayIso } from './terms';

/** Domain-event listeners: a bag for every new household; the bag follows moves and exits. */
export function onHouseholdCreated(ctx: HandlerContext, e: DomainEvents['householdCreated']) {
  const { bag, created } = ensureBag(ctx.sqlite, e.householdId, todayIso());
  if (created) ctx.audit({ entity: 'archiveBag', entityId: bag.id, after: { householdId: e.householdId, archiveNo: bag.archive_no, location: bag.location_code } });
}

/**
 * A roster import's households get their bags in one go, with ONE audit entry for the batch (how many, from which
 * file, the first and last 档号 and household): the bags themselves are the detail, and one chained entry per bag
 * was a third of the import's time.
 */
export function onHouseholdsImported(ctx: HandlerContext, e: DomainEvents['householdsImported']) {
  const made = ensureBags(ctx.sqlite, e.householdIds, todayIso());
  if (!made.length) return;
  const first = made[0];
  const last = made[made.length - 1];
  ctx.audit({ entity: 'archiveBag', entityId: null, after: { source: e.source, assigned: made.length,
    households: `${first.householdId}–${last.householdId}`, archiveNos: `${first.archiveNo} … ${last.archiveNo}` } });
}

export function onHouseholdMoved(ctx: HandlerContext, e: DomainEvents['householdMoved']) {
  const r = moveBag(ctx.sqlite, e.householdId, { villageId: e.toVillageId, groupId: e.toGroupId }, e.date, '户迁址', ctx.actor.displayName);
  if (r) ctx.audit({ entity: 'archiveBag', entityId: r.after.id, before: { location: r.before.location_code }, after: { location: r.after.location_code } });
}

export function onHouseholdStatusChanged(ctx: HandlerContext, e: DomainEvents['householdStatusChanged']) {
  const r = applyStatus(ctx.sqlite, e.householdId, e.to, e.date);
  if (r) ctx.audit({ entity: 'archiveBag', entityId: r.after.id, before: { status: r.before.status, exitedAt: r.before.exited_at },
    after: { status: r.after.status, exitedAt: r.after.exited_at, reason: e.reason } });
}
