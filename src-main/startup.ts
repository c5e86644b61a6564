import type { Services } from './services';
import type { Actor } from './ipc/contract';
import { isInitialized } from './features/setup/initialize';
import { reconcileExports } from './features/ledgers/reconcile';
import { cleanLeftovers, leftoverWords } from './ipc/leftovers';
import { removeStaleStaging } from './features/ledgers/package';

/** Work the app does by itself when it starts; audited under this name. */
export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', displayName: '系统自动', role: 'admin' };

/**
 * Start-up jobs of the desktop app and the web bridge: households whose 渐退 period has ended move to 停保
 * (each with its decision record and 告知书), so nobody has to remember to press the button.
 */
export async function runStartupJobs(s: Services): Promise<void> {
  void s.jobs.warm(); // the job worker loads in the background now (seconds), not when the clerk first prints or backs up
  cleanInterruptedWrites(s);
  if (!isInitialized(s.handle.sqlite)) return;
  const r = await s.router.call({ channel: 'applications.endPhaseOuts', input: {}, actor: SYSTEM_ACTOR });
  if (!r.ok) s.log.error('startup endPhaseOuts', new Error(r.error.message));
  await settleInterruptedExports(s);
}

/** Temp files and half-written uploads of jobs a crash or kill interrupted; one log line with counts only. */
function cleanInterruptedWrites(s: Services): void {
  try {
    const r = cleanLeftovers(s.handle.sqlite, s.dataDir);
    if (r.partialRemoved || r.unrecordedRemoved) s.log.info(leftoverWords(r));
  } catch (e) { s.log.error('startup cleanLeftovers', e); }
}

/** Package numbers of exports a crash interrupted, and the 未完成_ folders they left, settled and logged. */
async function settleInterruptedExports(s: Services): Promise<void> {
  try {
    const r = await reconcileExports(s.handle.sqlite, SYSTEM_ACTOR);
    if (r.recovered.length || r.abandoned.length || r.removed.length || r.left.length) s.log.info(`startup exports ${JSON.stringify(r)}`);
    // the plaintext an encrypted export killed mid-way left in the data dir (export-staging/)
    const staged = removeStaleStaging(s.dataDir);
    if (staged.length) s.log.info(`startup removed ${staged.length} export staging folders`);
  } catch (e) { s.log.error('startup reconcileExports', e); }
}
