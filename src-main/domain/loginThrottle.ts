/**
 * Login throttling, per account: every MAX_FAILURES consecutive wrong passwords lock the account, and each lock is
 * twice as long as the one before (5, 10, 20 … minutes, at most a day). The counter is reset only by a correct
 * password, never by a lock, so a guesser gets about 5 tries per doubling lock instead of 1,440 a day.
 */
export const MAX_FAILURES = 5;
export const FIRST_LOCK_MINUTES = 5;
export const MAX_LOCK_MINUTES = 24 * 60;

/** Minutes to lock after the `failures`-th consecutive failure (0 = no lock now). */
export function lockMinutesAfter(failures: number): number {
  if (!Number.isInteger(failures) || failures < MAX_FAILURES || failures % MAX_FAILURES !== 0) return 0;
  const round = failures / MAX_FAILURES; // 1st, 2nd, 3rd lock …
  return Math.min(MAX_LOCK_MINUTES, FIRST_LOCK_MINUTES * 2 ** Math.min(round - 1, 20));
}

/** Tries left before the next lock. */
export const triesLeft = (failures: number) => MAX_FAILURES - (failures % MAX_FAILURES);
