import { describe, expect, it } from 'vitest';
import { createWriterGate, timeSlices } from '../../src-main/ipc/writer';

/** ipc/writer.ts: who may write while an import's sliced write keeps its transaction open over many turns. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const enter = async (g: ReturnType<typeof createWriterGate>) => { const e = g.enter(); return e instanceof Promise ? await e : e; };

describe('the writer gate', () => {
  it('lets a writing call in at once (no turn of the event loop) while nothing slices', () => {
    const g = createWriterGate();
    const leave = g.enter();
    expect(typeof leave).toBe('function');
    (leave as () => void)();
  });

  it('opens a sliced write only after the other running calls leave, and holds new calls until it ends', async () => {
    const g = createWriterGate();
    const log: string[] = [];
    const job = await enter(g); // e.g. a print job that may still write in its own ctx.tx
    const importer = await enter(g);
    let waitedFor = 0;
    const sliced = g.sliced(async () => { log.push('slice open'); await turn(); await turn(); log.push('slice closes'); }, () => waitedFor++);
    const later = (async () => { const leave = await enter(g); log.push('later call in'); leave(); })();
    await turn();
    expect(log).toEqual([]); // the job is still running
    expect(waitedFor).toBe(1);
    log.push('job leaves');
    job();
    await sliced;
    await later;
    importer();
    expect(log).toEqual(['job leaves', 'slice open', 'slice closes', 'later call in']);
  });

  it('runs two sliced writes one after the other, never both open', async () => {
    const g = createWriterGate();
    let open = 0;
    let most = 0;
    const one = async () => {
      const leave = await enter(g);
      await g.sliced(async () => { open++; most = Math.max(most, open); await turn(); await turn(); open--; });
      leave();
    };
    await Promise.all([one(), one(), one()]);
    expect(most).toBe(1);
  });

  it('refuses a write from anyone but the owner while the sliced write is open, and allows it again after', async () => {
    const g = createWriterGate();
    const leave = await enter(g);
    let refusedInside: unknown = null;
    await g.sliced(async () => {
      g.assertMayWrite(true); // the owner's own rows belong in its transaction
      try { g.assertMayWrite(false); } catch (e) { refusedInside = e; }
    });
    leave();
    expect(refusedInside).toMatchObject({ code: 'DB_BUSY', message: expect.stringContaining('请等导入完成后再试') });
    expect(() => g.assertMayWrite(false)).not.toThrow();
  });

  it('lets a call in again after a sliced write that failed', async () => {
    const g = createWriterGate();
    const leave = await enter(g);
    await expect(g.sliced(async () => { throw new Error('disk full'); })).rejects.toThrow('disk full');
    leave();
    expect(typeof g.enter()).toBe('function');
  });
});

describe('time slices', () => {
  it('yields to the event loop only once the budget has run, so short steps stay in one turn', async () => {
    const pause = timeSlices(20);
    let turns = 0;
    const counter = setInterval(() => turns++, 0);
    for (let i = 0; i < 100; i++) await pause(); // far under 20 ms of work
    const quick = turns;
    const end = performance.now() + 60;
    while (performance.now() < end) { const t = performance.now(); while (performance.now() - t < 5) { /* 5 ms of work */ } await pause(); }
    clearInterval(counter);
    expect(quick).toBe(0);
    expect(turns).toBeGreaterThanOrEqual(2);
  });
});
