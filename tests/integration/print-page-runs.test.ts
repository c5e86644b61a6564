import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ok, testServices } from '../helpers/services';
import { outboxDir } from '../../src-main/ipc/files';

let s: ReturnType<typeof testServices>;
beforeAll(() => { s = testServices({ demo: true, households: 600 }); });
afterAll(() => s.close());

const pageText = (file: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });

describe('page runs', () => {
  it('numbers each village of an all-villages notice by itself, so every board shows 第1页 共N页', async () => {
    const r = await ok(s, 'print.render', { document: 'notice.longterm', args: {} });
    const file = path.join(outboxDir(s.dir), r.outboxName);
    const footers = Array.from({ length: r.pages }, (_, i) => /第(\d+)页 共(\d+)页/.exec(pageText(file, i + 1))!.slice(1).map(Number));
    const runStarts = footers.map(([k], i) => (k === 1 ? i : -1)).filter((i) => i >= 0);
    expect(runStarts.length).toBe(12);
    for (const [k, n] of footers) expect(k).toBeLessThanOrEqual(n);
    // Each run counts 1..N without gaps and its last page says N of N.
    runStarts.forEach((start, r) => {
      const end = (runStarts[r + 1] ?? footers.length) - 1;
      expect(footers.slice(start, end + 1).map(([k]) => k)).toEqual(Array.from({ length: end - start + 1 }, (_, i) => i + 1));
      expect(footers[end]).toEqual([end - start + 1, end - start + 1]);
    });
    expect(pageText(file, runStarts[1] + 1)).toContain('新街社区');
  });
});
