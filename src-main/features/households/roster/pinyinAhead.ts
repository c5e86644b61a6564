import type { HandlerContext } from '../../../ipc/contract';

type Keys = { initials: string; full: string };
type Batch = { names: string[]; result: Keys[] | null | undefined; done: Promise<Keys[] | null> };

/** Below this many rows read the names stay in the main thread: a few thousand cost milliseconds there. */
const AHEAD_FROM_ROWS = 5000;

/**
 * Pinyin keys of a big roster's names computed in a worker while the main thread goes on reading (rosterJobs). The
 * worker only helps: `keys()` takes what it has answered, waits for the rest only while it is answering, and the
 * import computes every other name itself with the same function. No job engine, a worker still loading (the CLI's
 * first job) or busy, a failed batch: the keys are the same, only made in the main thread.
 *
 * One batch at a time: names that come while a batch is in the worker wait for it, so the import keeps to the one
 * worker the app has started (a second job at once would start a second worker, seconds of loading).
 */
export class PinyinAhead {
  private batches: Batch[] = [];
  private seen = new Set<string>();
  private held: string[] = [];
  private busy = false;

  constructor(private ctx: HandlerContext) {}

  send(names: string[], rowsRead: number) {
    for (const n of names) if (!this.seen.has(n)) { this.seen.add(n); this.held.push(n); }
    if (rowsRead >= AHEAD_FROM_ROWS && !this.busy) this.flush();
  }

  private flush() {
    if (!this.held.length) return;
    const names = this.held;
    this.held = [];
    this.busy = true;
    const batch: Batch = { names, result: undefined, done: Promise.resolve(null) };
    batch.done = this.ctx.inWorker<Keys[]>('households.rosterPinyin', { names })
      .then((r) => (Array.isArray(r) && r.length === names.length ? r : null), () => null)
      .then((r) => { batch.result = r; this.busy = false; if (r) this.flush(); return r; });
    this.batches.push(batch);
  }

  /** Name → keys for every name the worker did; the import computes any other name when it writes the member. */
  async keys(): Promise<Map<string, Keys>> {
    const out = new Map<string, Keys>();
    const answering = this.batches.some((b) => b.result);
    if (answering && !this.busy) this.flush();
    for (let i = 0; i < this.batches.length; i++) {
      const b = this.batches[i];
      const got = b.result !== undefined ? b.result : answering ? await b.done : null;
      if (got) b.names.forEach((n, k) => out.set(n, got[k]));
    }
    return out;
  }
}
