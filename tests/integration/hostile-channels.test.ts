import Database from 'better-sqlite3';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChannels } from '../../src-main/features/registry';
import type { Actor, ChannelDef } from '../../src-main/ipc/contract';
import { DB_FILE_NAME } from '../../src-main/db/connection';
import { testServices, actorOf, dbFingerprint } from '../helpers/services';

/**
 * Hostile input against EVERY channel in the registry (channels added later are covered automatically):
 * wrong types, huge strings, SQL and path-traversal text, prototype-pollution keys, plus keys and enum values
 * taken from the channel's own schema so the input gets past the first check and into the handler.
 * Allowed outcomes: an ok result (the input happened to be valid) or an error with a Chinese message that is
 * not INTERNAL; after an error nothing was committed to the database.
 */
const RUNS_PER_CHANNEL = Number(process.env.HOSTILE_RUNS ?? 12);

const HOSTILE_TEXT = [
  "'; DROP TABLE households; --", "1 OR 1=1", "\" OR \"\"=\"", "1; DELETE FROM audit_log", "%' UNION SELECT * FROM users --",
  '../../../../etc/passwd', '..\\..\\..\\Windows\\System32\\config\\SAM', '/etc/passwd', 'C:\\Windows\\win.ini', '\\\\server\\share\\x',
  'file:///etc/passwd', '%2e%2e%2f%2e%2e%2f', 'a\u0000b', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  '<script>alert(1)</script>', '${7*7}', '\u202e\u0645', '𠀀𪚥', '', ' ', 'NaN', 'null', 'undefined', '2024-02-30', '2024-13', '9999-99-99',
  '11010519491231002X', '110105194912310021', '-1', '1e309', '0x10',
];

const hugeString = fc.constantFrom(200_000, 70_000, 5_001, 1_025).chain((n) =>
  fc.constantFrom('A', '低', "'", '../', '\u0000').map((c) => c.repeat(n).slice(0, n)));
const hostileNumber = fc.constantFrom(-1, 0, -0, 1, 2, 3, 1.5, -(2 ** 31), 2 ** 53 + 2, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE);
const scalar = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT), hugeString, hostileNumber, fc.boolean(), fc.constant(null), fc.string({ maxLength: 40 }),
  fc.integer(), fc.double(),
);

/** Property names and enum values found anywhere in a channel's input schema. */
function schemaVocabulary(def: ChannelDef): { keys: string[]; literals: unknown[] } {
  const keys = new Set<string>();
  const literals: unknown[] = [];
  let schema: unknown;
  try { schema = z.toJSONSchema(def.input, { unrepresentable: 'any', io: 'input' }); } catch { schema = {}; }
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.properties && typeof n.properties === 'object') Object.keys(n.properties).forEach((k) => keys.add(k));
    if (Array.isArray(n.enum)) literals.push(...n.enum);
    if ('const' in n) literals.push(n.const);
    Object.values(n).forEach(walk);
  };
  walk(schema);
  return { keys: [...keys], literals };
}

function hostileInput(def: ChannelDef): fc.Arbitrary<unknown> {
  const { keys, literals } = schemaVocabulary(def);
  const value = literals.length ? fc.oneof(scalar, fc.constantFrom(...literals)) : scalar;
  const key = fc.oneof(
    ...(keys.length ? [fc.constantFrom(...keys), fc.constantFrom(...keys)] : []),
    fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.string({ maxLength: 12 }),
  );
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true },
      value,
      fc.array(tie('tree'), { maxLength: 3 }),
      fc.dictionary(key, tie('tree'), { maxKeys: 6 }),
    ),
  }));
  // Near-valid: every key present, most with a plausible value, so one hostile field reaches the handler.
  const plausible = fc.constantFrom<unknown>(1, 2, 3, '1', '青溪村', '2026-01-01', '2026-01', true, false, [], {}, ...literals);
  const field = fc.oneof({ arbitrary: plausible, weight: 3 }, { arbitrary: tree, weight: 1 });
  const withAllKeys = keys.length ? fc.tuple(...keys.map(() => field)).map((vs) => Object.fromEntries(keys.map((k, i) => [k, vs[i]]))) : tree;
  const pollution = fc.constantFrom(
    JSON.parse('{"__proto__": {"polluted": "yes"}}'), JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
    JSON.parse('{"__proto__": null}'),
  ).map((p) => (keys.length ? { ...Object.fromEntries(keys.map((k) => [k, 1])), ...p } : p));
  // JSON round trip: the wire is JSON (web bridge, Electron structured clone), so inputs are what JSON can carry.
  return fc.oneof(tree, withAllKeys, pollution, fc.constantFrom(null, 0, 'x', [], true)).map((v) => {
    try { return JSON.parse(JSON.stringify(v) ?? 'null'); } catch { return null; }
  });
}

/** The strongest role for each permission, so inputs are not stopped at the permission check. */
const actorFor = (def: ChannelDef): Actor => (def.permission === 'county' ? actorOf('county') : actorOf('admin', 'admin'));

describe('hostile input on every channel', () => {
  let s: ReturnType<typeof testServices>;
  let watcher: Database.Database;
  beforeAll(() => {
    s = testServices({ demo: true, households: 20 });
    // A second connection: PRAGMA data_version changes when the app's connection commits anything.
    watcher = new Database(path.join(s.dir, DB_FILE_NAME), { readonly: true });
  });
  afterAll(() => { watcher.close(); s.close(); });

  const names = Object.keys(allChannels);
  const failures: { channel: string; input: string; problem: string }[] = [];
  let tried = 0;
  const outcomes = new Map<string, number>();

  it.each(names)('%s answers hostile input with an error or a valid result, and changes nothing when it refuses', async (name) => {
    const def = (allChannels as Record<string, ChannelDef>)[name];
    await fc.assert(fc.asyncProperty(hostileInput(def), async (input) => {
      tried++;
      const before = [watcher.pragma('data_version', { simple: true }), dbFingerprint(s)];
      const r = await s.router.call({ channel: name, input, actor: actorFor(def) });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const outcome = r.ok ? 'ok' : r.error.code;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (r.ok) return;
      const problem = r.error.code === 'INTERNAL' ? `INTERNAL: ${r.error.message}`
        : !/[\u4e00-\u9fa5]/.test(r.error.message) ? `message without Chinese: ${r.error.message}`
          : JSON.stringify([watcher.pragma('data_version', { simple: true }), dbFingerprint(s)]) !== JSON.stringify(before)
            ? `database changed although the call failed (${r.error.code})` : null;
      if (problem) {
        failures.push({ channel: name, input: JSON.stringify(input).slice(0, 300), problem: problem.slice(0, 300) });
        throw new Error(problem);
      }
    }), { numRuns: RUNS_PER_CHANNEL, seed: Number(process.env.HOSTILE_SEED ?? 20261122), endOnFailure: true });
  });

  it('refuses unknown and prototype-named channels', async () => {
    for (const channel of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'households.list.__proto__', '', '../../etc']) {
      const r = await s.router.call({ channel, input: {}, actor: actorOf('admin') });
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  afterAll(() => {
    process.stdout.write(`hostile inputs tried: ${tried} over ${names.length} channels; failures: ${failures.length}; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}\n`);
    for (const f of failures) process.stdout.write(`  ${f.channel} ${f.problem} input=${f.input}\n`);
  });
});
