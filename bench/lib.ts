/** One row of `npm run bench`: a measured value, its unit, the target and the ratio to a baseline run in the same process. */
export interface BenchRow { name: string; value: number; unit: string; target?: string; baseline?: number; ratio?: number }

/** Runs fn once and reports wall time and the peak RSS growth seen by sampling every 5 ms. */
export async function measure<T>(fn: () => Promise<T> | T): Promise<{ ms: number; peakMb: number; result: T }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
  const t0 = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - t0;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ms, peakMb: (peak - base) / 1048576, result };
  } finally { clearInterval(timer); }
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
