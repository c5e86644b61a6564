import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, testServices } from '../helpers/services';
import { outboxDir } from '../../src-main/ipc/files';

type S = ReturnType<typeof testServices>;
let s: S;
beforeAll(() => { s = testServices({ demo: true, households: 80 }); });
afterAll(() => s.close());

/** 合计：N户 on every village page of a notice PDF, added up. */
function householdsInPdf(outboxName: string): number {
  const text = execFileSync('pdftotext', ['-layout', path.join(outboxDir(s.dir), outboxName), '-'], { encoding: 'utf8' });
  return [...text.matchAll(/合计：(\d+)户/g)].reduce((n, m) => n + Number(m[1]), 0);
}

describe('a notice preview counts what its PDF lists', () => {
  it('停保公示: an old stop outside the default 30 days is in neither the preview nor the PDF', async () => {
    const sqlite = s.handle.sqlite;
    const stopped = sqlite.prepare("SELECT id FROM households WHERE status IN ('在保') ORDER BY id LIMIT 3").all() as { id: number }[];
    const set = sqlite.prepare("UPDATE households SET status = '停保', exited_at = ? WHERE id = ?");
    set.run('2026-11-20', stopped[0].id); // recent: on the notice of 2026-12-01
    set.run('2026-11-25', stopped[1].id); // recent
    set.run('2025-03-01', stopped[2].id); // long ago: not on it
    const recent = (sqlite.prepare("SELECT COUNT(*) AS n FROM households WHERE status = '停保' AND exited_at >= '2026-11-01' AND exited_at <= '2026-12-01'").get() as { n: number }).n;
    expect(recent).toBeGreaterThanOrEqual(2);
    for (const args of [{ date: '2026-12-01' }, { date: '2026-12-01', fromDate: '2025-01-01' }]) {
      const preview = await ok(s, 'notices.preview', { kind: '停保公示', ...args });
      const previewTotal = preview.reduce((n: number, v: { households: number }) => n + v.households, 0);
      const r = await ok(s, 'print.render', { document: 'notice.stop', args });
      expect(householdsInPdf(r.outboxName)).toBe(previewTotal);
      if (!('fromDate' in args)) expect(previewTotal).toBe(recent);
    }
  });
});
