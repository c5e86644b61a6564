import type { HandlerContext } from '../ipc/contract';
import { onMemberDied as rechecksOnMemberDied } from './rechecks/listeners';
import { onHouseholdCreated, onHouseholdsImported, onHouseholdMoved, onHouseholdStatusChanged } from './archive/listeners';
import { onHouseholdFactsChanged as caseRecordOnFactsChanged, onBenefitDecided as caseRecordOnBenefitDecided } from './caseRecord/tasks';
import { onMemberAdded as supervisionOnMemberAdded, onApplicationAccepted as supervisionOnApplicationAccepted } from './supervision/matching';
import { onMembersImported as supervisionOnMembersImported } from './supervision/importMatching';

/**
 * Domain events between features, run synchronously inside the writer's transaction, so a listener's
 * writes (an archive bag, a near-relative flag) commit or roll back together with the change itself.
 * The emitting feature calls emit.X(ctx, payload); the listening feature adds its function to the list
 * below (one import line each). Listeners must not call the router.
 */
export interface DomainEvents {
  householdCreated: { householdId: number };
  /**
   * Many households created at once by a roster import, emitted once after all their rows are written (instead of
   * householdCreated per household): a listener of householdCreated must listen here too, and work in batches.
   */
  householdsImported: { householdIds: number[]; source: string };
  /** Village or group changed (the archive bag moves with it). */
  householdMoved: { householdId: number; fromVillageId: number; fromGroupId: number | null; toVillageId: number; toGroupId: number | null; date: string };
  householdStatusChanged: { householdId: number; from: string; to: string; date: string; reason: string };
  memberAdded: { householdId: number; memberId: number; idNumber: string };
  /** The members of a roster import, emitted once after they are written (instead of memberAdded per member). */
  membersImported: { members: { householdId: number; memberId: number; idNumber: string }[] };
  memberDied: { householdId: number; memberId: number; deathDate: string };
  applicationAccepted: { applicationId: number; householdId: number };
  /** A member or income fact that enters the calculation changed (death, exit, added member, income, cover, health …). */
  householdFactsChanged: { householdId: number; date: string; trigger: string };
  /** A change decision (or 更正) was recorded on the case. */
  benefitDecided: { householdId: number; changeId: number; decision: string; status: string };
}

type Listener<K extends keyof DomainEvents> = (ctx: HandlerContext, e: DomainEvents[K]) => void;
type Listeners = { [K in keyof DomainEvents]: Listener<K>[] };

export const listeners: Listeners = {
  householdCreated: [onHouseholdCreated],
  householdsImported: [onHouseholdsImported],
  householdMoved: [onHouseholdMoved],
  householdStatusChanged: [onHouseholdStatusChanged],
  memberAdded: [supervisionOnMemberAdded],
  membersImported: [supervisionOnMembersImported],
  memberDied: [rechecksOnMemberDied],
  applicationAccepted: [supervisionOnApplicationAccepted],
  householdFactsChanged: [caseRecordOnFactsChanged],
  benefitDecided: [caseRecordOnBenefitDecided],
};

export const emit = new Proxy({} as { [K in keyof DomainEvents]: (ctx: HandlerContext, e: DomainEvents[K]) => void }, {
  get: (_t, name: keyof DomainEvents) => (ctx: HandlerContext, e: never) => {
    for (const l of listeners[name] as Listener<typeof name>[]) l(ctx, e);
  },
});
