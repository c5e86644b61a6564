import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Router } from '../src-main/ipc/router';
import { CLI_ACTOR } from '../src-main/services';

/**
 * Runs `job` while a probe asks the router for the first household page every 20 ms, as the window would.
 * Returns the longest event-loop stall (the histogram's max, less the 20 ms resolution is not subtracted:
 * a stall shorter than the resolution reads as about 20 ms) and the worst time from a probe's due time to
 * its answer.
 */
export async function probeWhile<T>(router: Router, job: () => Promise<T>): Promise<{ ms: number; stallMs: number; worstProbeMs: number; probes: number; result: T }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  let worst = 0;
  let probes = 0;
  let due = performance.now() + 20;
  let stop = false;
  const tick = async () => {
    while (!stop) {
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      if (stop) break;
      const asked = due;
      const r = await router.call({ channel: 'households.list', input: { page: 1, pageSize: 20 }, actor: CLI_ACTOR });
      if (!r.ok) throw new Error(`probe failed: ${r.error.message}`);
      worst = Math.max(worst, performance.now() - asked);
      probes++;
      due = Math.max(asked + 20, performance.now());
    }
  };
  h.enable();
  const t0 = performance.now();
  const prober = tick();
  try {
    const result = await job();
    const ms = performance.now() - t0;
    return { ms, stallMs: h.max / 1e6, worstProbeMs: worst, probes, result };
  } finally {
    stop = true;
    h.disable();
    await prober;
  }
}
