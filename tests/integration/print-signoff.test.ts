import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, ok, testServices } from '../helpers/services';
import { renderDocument } from '../../src-main/print/render';

type S = ReturnType<typeof testServices>;
let s: S;
beforeEach(() => { s = testServices({ demo: true, households: 120 }); });
afterEach(() => s.close());

const MM = 72 / 25.4;

/** Per page: the words pdftotext finds, with their top edge in points. */
function pagesOf(file: string): { text: string; words: { x: number; y: number; w: string }[] }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return html.split('<page ').slice(1).map((p) => {
    const words = [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: m[3] }));
    return { text: words.map((w) => w.w).join(''), words };
  });
}

describe('复核签字表 (清理核实登记表) can be written in and signed on every page', () => {
  it('prints rows at least 10 mm high and the team signature lines on every page', async () => {
    const c = await ok(s, 'rechecks.campaigns.create', { name: '专项行动', scopeDate: '2026-11-01' });
    const v = s.handle.sqlite.prepare('SELECT village_id AS id, COUNT(*) AS n FROM campaign_households WHERE campaign_id = ? GROUP BY village_id ORDER BY n DESC LIMIT 1').get(c.id) as { id: number; n: number };
    expect(v.n).toBeGreaterThan(12); // enough households for more than one page
    const pdf = await renderDocument({ sqlite: s.handle.sqlite, dataDir: s.dir, actor: ADMIN }, 'rechecks.signoff', { campaignId: c.id, villageId: v.id, filled: false });
    const pages = pagesOf(pdf.file);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) for (const role of ['驻村领导', '驻村干部', '村干部']) expect(p.text).toContain(`${role}（签字）`);
    // The 序号 column: the row numbers' top edges, page by page, are at least 10 mm apart.
    let rows = 0;
    for (const p of pages) {
      const ys = p.words.filter((w) => /^\d+$/.test(w.w) && w.x < 25 * MM + 30).map((w) => w.y).sort((a, b) => a - b);
      rows += ys.length;
      for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(10 * MM);
    }
    expect(rows).toBe(v.n);
  });
});
