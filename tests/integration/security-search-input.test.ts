// Issue 15, finding 8: prototype names as values never reach SQL; % and _ in a search are literal characters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, callAs, ok, testServices } from '../helpers/services';

let s: ReturnType<typeof testServices>;
beforeAll(() => { s = testServices({ demo: true, households: 30 }); }, 60_000);
afterAll(() => s?.close());

const count = (v: unknown): number => {
  const o = v as { total?: number; rows?: unknown[] } | unknown[];
  return Array.isArray(o) ? o.length : o.total ?? o.rows?.length ?? 0;
};

describe('prototype keys as values', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('households.list with flag %s answers, without an SQL error', async (flag) => {
    const r = await callAs(s, ADMIN, 'households.list', { flag });
    expect(r).toMatchObject({ ok: true });
    expect(count((r as { value: unknown }).value)).toBe(0); // no household carries such a flag
  });
});

describe('% and _ in a search match only themselves', () => {
  it.each([
    ['applications.list', (q: string) => ({ q })],
    ['applications.householdOptions', (q: string) => ({ q })],
    ['archive.bags', (q: string) => ({ q })],
    ['supervision.households.lookup', (q: string) => ({ q })],
    ['supervision.custody.list', (search: string) => ({ search, filter: 'all' })],
    ['supervision.complaints.list', (search: string) => ({ search, filter: 'all' })],
    ['supervision.staff.list', (search: string) => ({ search })],
  ] as const)('%s', async (channel, input) => {
    for (const q of ['%', '_', '%%', '__', '\\']) {
      const r = await callAs(s, ADMIN, channel, input(q));
      if (!r.ok) { expect(r.error.code, `${channel} ${q}`).toBe('VALIDATION'); continue; }
      expect(count(r.value), `${channel} ${q}`).toBe(0);
    }
  });

  it('still finds a name by part of it', async () => {
    const name = s.handle.sqlite.prepare("SELECT name FROM members LIMIT 1").pluck().get() as string;
    const found = await ok(s, 'supervision.households.lookup', { q: name.slice(0, 1) });
    expect(count(found)).toBeGreaterThan(0);
    // the lists the wildcard test reads are not empty to begin with (so 0 above means "matched nothing")
    for (const [channel, input] of [['applications.list', {}], ['archive.bags', {}], ['applications.householdOptions', { q: '' }]] as const) {
      expect(count(await ok(s, channel, input)), channel).toBeGreaterThan(0);
    }
  });
});
