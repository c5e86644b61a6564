import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { testServices, ok, callAs, actorOf } from '../helpers/services';
import type { Services } from '../../src-main/services';
import { outboxDir } from '../../src-main/ipc/files';

let s: Services & { dir: string; close(): void };
beforeAll(() => { s = testServices({ demo: true, households: 60 }); });
afterAll(() => s.close());

const text = (name: string) => execFileSync('pdftotext', ['-layout', path.join(outboxDir(s.dir), name), '-'], { encoding: 'utf8' });

describe('supervision prints', () => {
  it('prints the 备案表 of one case with the relative, the staff member and the household', async () => {
    const cases = await ok(s, 'supervision.cases.list', { filter: 'current' });
    const c = cases.rows[0];
    const r = await ok(s, 'print.render', { document: 'supervision.filing', args: { matchId: c.id } });
    const t = text(r.outboxName);
    expect(t.replace(/\s+/g, '')).toContain('近亲属享受低保备案表');
    expect(t).toContain(c.relativeName);
    expect(t).toContain(c.staffName);
    expect(t).toContain(c.headName);
  });

  it('refuses the 备案表 to the read-only role because it carries full 身份证号', async () => {
    const cases = await ok(s, 'supervision.cases.list', { filter: 'current' });
    const r = await callAs(s, actorOf('readonly'), 'print.render', { document: 'supervision.filing', args: { matchId: cases.rows[0].id } });
    expect(r.ok).toBe(false);
  });

  it('prints the three registers for the county inspector with masked contacts', async () => {
    const ledger = text((await ok(s, 'print.render', { document: 'supervision.casesLedger', args: {} })).outboxName);
    expect(ledger).toContain('近亲属享受低保备案台账');
    const complaints = text((await ok(s, 'print.render', { document: 'supervision.complaintsRegister', args: {} })).outboxName);
    expect(complaints).toContain('138****5678');
    expect(complaints).not.toContain('13812345678');
    const custody = text((await ok(s, 'print.render', { document: 'supervision.custodyRegister', args: {} })).outboxName);
    expect(custody).toContain('未备案');
  });
});
