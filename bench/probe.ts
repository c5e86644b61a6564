import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Router } from '../src-main/ipc/router';
import { CLI_ACTOR } from '../src-main/services';

export interface Probed<T> { ms: number; stallMs: number; worstProbeMs: number; probes: number; result: T }

/**
 * Runs `job` while a probe asks the router for the first household page every 20 ms, as the window would.
 * Returns the longest event-loop stall and the worst time from a probe's due time to its answer.
 * The stall is the larger of the event-loop-delay histogram's max and the longest gap between two ticks of a 5 ms
 * timer: a job that blocks the loop from start to end never lets the histogram's timer fire, but the gap shows it.
 * The probe due while the job blocked is still answered (after the job) and counted, so a job that blocks the
 * whole time reports its whole time, not 0.
 */
export async function probeWhile<T>(router: Router, job: () => Promise<T>): Promise<Probed<T>> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  let worst = 0;
  let probes = 0;
  let due = performance.now() + 20;
  let stop = false;
  let lastTick = performance.now();
  let longestGap = 0;
  const ticker = setInterval(() => { const now = performance.now(); longestGap = Math.max(longestGap, now - lastTick); lastTick = now; }, 5);
  const tick = async () => {
    while (!stop) {
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const asked = due; // answered and counted even if the job ended meanwhile: it waited on the job
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
    stop = true;
    await prober; // the probe that waited on the job's last stretch
    await new Promise((r) => setTimeout(r, 10)); // and the ticker sees that stretch's gap
    return { ms, stallMs: Math.max(h.max / 1e6, longestGap - 5), worstProbeMs: worst, probes, result };
  } finally {
    stop = true;
    await prober;
    clearInterval(ticker);
    h.disable();
  }
}
