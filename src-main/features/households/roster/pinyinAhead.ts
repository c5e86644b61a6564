import type { HandlerContext } from '../../../ipc/contract';

type Keys = { initials: string; full: string };

/** Below this many rows read the names stay in the main thread: a few thousand cost milliseconds there. */
const AHEAD_FROM_ROWS = 5000;

/**
 * Pinyin keys of a big roster's names computed in a worker while the main thread goes on reading (rosterJobs). The
 * worker only helps: `keys()` takes what it has answered, waits for the rest only while it is answering, and computes
 * every other name here with the same function. No job engine, a worker still loading (the CLI's first job) or busy,
 * a failed batch: the keys are the same, only made in the main thread.
 */
export class PinyinAhead {
  private batches: { names: string[]; result: Keys[] | null | undefined; done: Promise<Keys[] | null> }[] = [];
  private seen = new Set<string>();
  private held: string[] = [];

  constructor(private ctx: HandlerContext) {}

  send(names: string[], rowsRead: number) {
    this.held.push(...names);
    if (rowsRead < AHEAD_FROM_ROWS) return;
    const fresh = [...new Set(this.held)].filter((n) => !this.seen.has(n));
    this.held = [];
    if (!fresh.length) return;
    for (const n of fresh) this.seen.add(n);
    const batch = { names: fresh, result: undefined as Keys[] | null | undefined, done: Promise.resolve(null as Keys[] | null) };
    batch.done = this.ctx.inWorker<Keys[]>('households.rosterPinyin', { names: fresh })
      .then((r) => (Array.isArray(r) && r.length === fresh.length ? r : null), () => null)
      .then((r) => (batch.result = r));
    this.batches.push(batch);
  }

  /** Name → keys for every name the worker did; the import computes any other name when it writes the member. */
  async keys(): Promise<Map<string, Keys>> {
    const out = new Map<string, Keys>();
    const answering = this.batches.some((b) => b.result);
    for (const b of this.batches) {
      const got = b.result !== undefined ? b.result : answering ? await b.done : null;
      if (got) b.names.forEach((n, i) => out.set(n, got[i]));
    }
    return out;
  }
}
