import type { Services } from '../services';
import { archiveStoreCheck } from '../features/archive/checks';
import { auditAnchorCheck, userReplayCheck } from '../features/backup/anchors';
import { caseRecordCheck } from '../features/caseRecord/check';
import { headPinyinCheck } from '../features/households/checks';
import { payrollSnapshotCheck } from '../features/payroll/checks';

/** A named consistency check run by `cli check`; features append theirs (archive store hashes …). */
export interface CheckResult { name: string; ok: boolean; details: unknown }
/**
 * `today`: the day date rules (deadlines, 渐退 ends) are judged on. Normally the clock; `cli check --today` sets it,
 * for tests whose fixture database was built for a fixed day. Checks only read, so no record can be back-dated by it.
 */
export type Check = (s: Services, at?: { today?: string }) => CheckResult | Promise<CheckResult>;

export const extraChecks: Check[] = [archiveStoreCheck, caseRecordCheck, auditAnchorCheck, userReplayCheck, payrollSnapshotCheck, headPinyinCheck];
