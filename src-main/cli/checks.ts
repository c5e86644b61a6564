import type { Services } from '../services';

/** A named consistency check run by `cli check`; features append theirs (archive store hashes …). */
export interface CheckResult { name: string; ok: boolean; details: unknown }
export type Check = (s: Services) => CheckResult | Promise<CheckResult>;

export const extraChecks: Check[] = [];
