import { AppError } from './errors';

/**
 * Turn-taking for the main process's one database writer.
 *
 * Writes normally run inside one synchronous transaction, so two never overlap. A long import instead writes in
 * slices inside ONE transaction that stays open over many event-loop turns, so the window keeps answering while it
 * writes (issue 17: no stall ≥ 100 ms). While that transaction is open, nobody else may write on the connection:
 * their rows would silently become part of it, and vanish with it if the import is cancelled or fails. So:
 * - a call that may write (a mutation or a job) passes the gate only while no sliced write is open or waiting;
 * - a sliced write opens only once no other such call is running (a job may still write in its own ctx.tx later);
 * - a query that writes anyway (auth.login's failure counter) is refused while it is open: a synchronous
 *   transaction cannot wait.
 * Reads are never held back. On the main connection they see the open transaction's rows, which the window
 * shows under the import's progress bar; a worker's snapshot and any other process see only committed data.
 */
export interface WriterGate {
  /** Enters a call that may write; resolves with its leave(). Synchronous (no turn) when nothing waits. */
  enter(): (() => void) | Promise<() => void>;
  /** Runs fn as the one sliced write. The caller must have entered; it waits for the others to leave. */
  sliced<T>(fn: () => Promise<T>, waiting?: () => void): Promise<T>;
  /** Throws if a sliced write other than the caller's is open (the caller's write would join it). */
  assertMayWrite(isOwner: boolean): void;
}

export function createWriterGate(): WriterGate {
  let running = 0; // calls that may write, past the gate
  let wanted = 0; // sliced writes waiting for their turn
  let held = false; // a sliced write is open
  let listeners: (() => void)[] = [];
  const changed = () => new Promise<void>((resolve) => listeners.push(resolve));
  const notify = () => { const l = listeners; listeners = []; for (const f of l) f(); };
  const free = () => !held && wanted === 0;
  const leaveOnce = () => {
    let left = false;
    return () => { if (left) return; left = true; running--; notify(); };
  };

  async function enterLater(): Promise<() => void> {
    while (!free()) await changed();
    running++;
    return leaveOnce();
  }

  return {
    enter: () => {
      if (!free()) return enterLater();
      running++;
      return leaveOnce();
    },
    async sliced(fn, waiting) {
      wanted++;
      running--; // while it waits, it is not one of the calls it waits for
      notify();
      try {
        if (held || running > 0) waiting?.();
        while (held || running > 0) await changed();
      } finally { wanted--; }
      held = true;
      try { return await fn(); } finally { held = false; running++; notify(); }
    },
    assertMayWrite(isOwner) {
      if (held && !isOwner) throw new AppError('DB_BUSY', '正在写入导入的数据，请等导入完成后再试；本次操作未保存');
    },
  };
}

/**
 * For a sliced write's loop: `await pause()` after each step lets the event loop turn once `budgetMs` of work has
 * run since the last turn, so no stretch of writing blocks the window for long, whatever the machine's speed.
 */
export function timeSlices(budgetMs = 25): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

/** No slicing: for a write that runs inside one synchronous transaction. */
export const noPause = async () => {};
