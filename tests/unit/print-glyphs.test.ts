import { describe, expect, it } from 'vitest';
import { fixNode, MISSING_MARK, splitRuns } from '../../src-main/print/glyphs';
import { fallbackFonts } from '../../src-main/print/fonts';

describe('glyph fallback', () => {
  it('leaves text the main font covers untouched', () => {
    expect(splitRuns('张建国 1,234.00 元', new Set())).toBeNull();
  });

  it('marks a character no installed font has with 〓 and reports it', () => {
    const missing = new Set<string>();
    const runs = splitRuns('王\u{10FFFD}明', missing)!;
    expect(runs.map((r) => r.text).join('')).toBe(`王${MISSING_MARK}明`);
    expect([...missing]).toEqual(['\u{10FFFD}']);
  });

  // Without a fallback font the run is reported as skipped, not as passed (the 〓 test above covers that machine).
  it.skipIf(fallbackFonts().length === 0)('switches only the rare character to a fallback font when one is installed', () => {
    const runs = splitRuns('吉𠮷祥', new Set())!;
    expect(runs).toEqual([{ text: '吉' }, { text: '𠮷', font: expect.stringMatching(/^Fallback\d+$/) }, { text: '祥' }]);
  });

  it('rewrites strings inside tables, stacks and inline arrays', () => {
    const fixed = fixNode({ stack: ['\u{10FFFD}', { table: { body: [[{ text: ['a', '\u{10FFFD}'] }]] } }] }, new Set()) as any;
    expect(fixed.stack[0]).toEqual({ text: [{ text: MISSING_MARK }] });
    expect(fixed.stack[1].table.body[0][0].text[1]).toEqual([{ text: MISSING_MARK }]);
  });
});
