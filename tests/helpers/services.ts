import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, CLI_ACTOR, type Services } from '../../src-main/services';
import type { Actor } from '../../src-main/ipc/contract';
import type { Role } from '../../src-main/ipc/permissions';
import { initialize } from '../../src-main/features/setup/initialize';
import { appendAudit } from '../../src-main/features/audit/chain';

/**
 * The day testServices builds its demo for. Fixed, so tests can name the demo's dates; but the channels read the real
 * clock, so a test that judges deadlines on this demo must hold Date near it (vi.useFakeTimers({ toFake: ['Date'],
 * shouldAdvanceTime: true }), as payroll.test does) or, for `cli check` in a child process, pass `--today DEMO_DAY`.
 */
export const DEMO_DAY = '2026-11-22';

/** A fresh data dir with the real migrations; demo = the seeded demo township. Call close() in afterEach. */
export function testServices(opts: { init?: boolean; demo?: boolean; households?: number; seed?: number } = {}): Services & { dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-test-'));
  const s = createServices(dir);
  if (opts.init ?? true) {
    s.handle.sqlite.transaction(() => {
      initialize(s.handle.sqlite, {
        township: { name: '青溪镇', divisionCode: '510902105000', county: '示范县' },
        admin: { username: 'admin', displayName: '系统管理员', password: 'admin123' },
        demo: opts.demo ?? false, seed: opts.seed ?? 7, households: opts.households ?? 60,
      }, DEMO_DAY);
      // as setup.init does: an initialized township's audit trail is never empty
      appendAudit(s.handle.sqlite, CLI_ACTOR, 'setup.init', { entity: 'township', entityId: '510902105000', after: { admin: 'admin', demo: opts.demo ?? false } });
    })();
  }
  const closeDb = s.close;
  return Object.assign(s, { dir, close: () => { closeDb(); fs.rmSync(dir, { recursive: true, force: true }); } });
}

export const actorOf = (role: Role, username: string = role): Actor => ({ userId: null, username, displayName: username, role });
export const ADMIN = CLI_ACTOR;

/** Calls a channel as an actor and returns the wire result. */
export function callAs(s: Services, actor: Actor, channel: string, input: unknown) {
  return s.router.call({ channel, input, actor });
}

/** Calls a channel and returns its value, failing the test with the Chinese message otherwise. */
export async function ok<T = any>(s: Services, channel: string, input: unknown, actor: Actor = ADMIN): Promise<T> {
  const r = await s.router.call({ channel, input, actor });
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.details ?? '')}`);
  return r.value as T;
}

/** A snapshot of every table's row count and the audit head, to assert "nothing changed". */
export function dbFingerprint(s: Services): string {
  const tables = s.handle.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '__drizzle%' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map((t) => [t.name, (s.handle.sqlite.prepare(`SELECT COUNT(*) AS n, total(rowid) AS r FROM "${t.name}"`).get())]));
}
