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

/** A township in a fresh temp data dir, set up through the real setup channel, and a `call` that throws on errors. */
export async function benchTownship(name: string, init: { demo: boolean; households?: number }) {
  const { default: fs } = await import('node:fs');
  const { default: os } = await import('node:os');
  const { default: path } = await import('node:path');
  const { createServices, CLI_ACTOR } = await import('../src-main/services');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dibao-bench-${name}-`));
  const s = createServices(dir);
  const call = async (channel: string, input: unknown) => {
    const r = await s.router.call({ channel, input, actor: CLI_ACTOR });
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- bench code reads whatever it asked for
  };
  await call('setup.init', { township: { name: '青溪镇', divisionCode: '510902105000', county: '示范县' },
    admin: { username: 'admin', displayName: '管理员', password: 'admin123' }, ...init });
  return { dir, s, call };
}
