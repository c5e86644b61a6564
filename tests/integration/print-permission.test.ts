import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, callAs, testServices } from '../helpers/services';
import { renderDocument } from '../../src-main/print/render';

let s: ReturnType<typeof testServices>;
beforeAll(() => { s = testServices(); });
afterAll(() => s.close());

describe('print permissions', () => {
  it('refuses a read-only user a document that needs sensitive.read, through the channel', async () => {
    const r = await callAs(s, actorOf('readonly'), 'print.render', { document: 'supervision.filing', args: { matchId: 1 } });
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });

  it('refuses it too when a feature renders the document directly (as ledgers packages do)', async () => {
    const ctx = { sqlite: s.handle.sqlite, dataDir: s.dir, actor: actorOf('readonly') };
    await expect(renderDocument(ctx, 'supervision.filing', { matchId: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
