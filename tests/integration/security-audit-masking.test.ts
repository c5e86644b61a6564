// Issue 15, finding 7: audit.list shows full phone, ID and bank numbers only to roles with sensitive.read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, callAs, ok, testServices } from '../helpers/services';

let s: ReturnType<typeof testServices>;
let memberId: number;
let idNumber: string;
beforeAll(async () => {
  s = testServices({ demo: true, households: 20 });
  const m = s.handle.sqlite.prepare("SELECT m.id, m.id_number AS idNumber, m.household_id AS hid FROM members m JOIN households h ON h.id = m.household_id WHERE h.status = '在保' LIMIT 1").get() as { id: number; idNumber: string; hid: number };
  [memberId, idNumber] = [m.id, m.idNumber];
  await ok(s, 'households.updateMember', { memberId, facts: { phone: '13912345678' }, reason: '电话变更' });
  await ok(s, 'households.update', { id: m.hid, facts: { bankAccount: '6222021234567890123' }, reason: '换卡' }); // the store writes （账号）
}, 60_000);
afterAll(() => s?.close());

const rowsAs = async (role: Parameters<typeof actorOf>[0]) => {
  const r = await callAs(s, actorOf(role), 'audit.list', { pageSize: 200 });
  if (!r.ok) throw new Error(r.error.message);
  return JSON.stringify((r.value as { rows: unknown[] }).rows);
};

describe('audit.list masks by the viewer\'s permission', () => {
  it('shows 只读 and 审核人 no full phone, bank account or ID number, in any row', async () => {
    for (const role of ['readonly', 'reviewer'] as const) {
      const text = await rowsAs(role);
      expect(text, role).toContain('139****5678');
      expect(text, role).not.toContain('13912345678');
      expect(text, role).not.toContain('6222021234567890123');
      const strings = (v: unknown): string[] => typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];
      const rows = JSON.parse(text) as { before: string | null; after: string | null }[];
      for (const r of rows) {
        for (const j of [r.before, r.after]) {
          if (!j) continue;
          const parsed = JSON.parse(j); // still JSON for the screen
          for (const v of strings(parsed)) expect(v, role).not.toMatch(/\d{7,}/); // no long digit string in any text field
        }
      }
    }
  });

  it('shows the full numbers to roles holding sensitive.read', async () => {
    const text = await rowsAs('clerk');
    expect(text).toContain('13912345678');
    expect(idNumber.length).toBeGreaterThan(14);
  });
});
