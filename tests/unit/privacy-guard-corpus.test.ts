// Issue 15, finding 7: a generated corpus of disguised ID, phone and bank numbers never passes the privacy guard,
// whatever the encoding (full-width, Chinese numerals), the separators (spaces, double spaces, middle dots, dashes,
// zero-width…), the field it sits in (cell, header, footer, file name, group name, the complaint phone setting).
import { describe, expect, it } from 'vitest';
import { findPersonalData, publicText } from '../../src-main/print/privacy';
import { corpus } from '../helpers/disguised';

describe('privacy guard against a generated corpus of disguised numbers', () => {
  it('has at least 1,000 distinct disguised ID, phone and bank numbers', () => {
    expect(new Set(corpus.map((c) => c.text)).size).toBeGreaterThanOrEqual(1000);
  });

  it('finds every one of them in plain text', () => {
    const missed = corpus.filter((c) => findPersonalData(c.text).length === 0);
    expect(missed.slice(0, 10)).toEqual([]);
  });

  it('finds every one of them in any field of a document body, also as the "published" complaint phone when it is not a phone', () => {
    const missed: string[] = [];
    corpus.forEach((c, i) => {
      const where = i % 5;
      const body = {
        content: where === 0 ? [{ table: { body: [[{ text: '一组' }, c.text]] } }] : [{ text: ['公示名单', { text: where === 1 ? c.text : '', bold: true }] }],
        headerText: where === 2 ? c.text : '青溪镇', footerText: where === 3 ? c.text : '', fileName: where === 4 ? `公示-${c.text}` : '公示',
      };
      if (findPersonalData(publicText(body)).length === 0) missed.push(c.text);
    });
    expect(missed.slice(0, 10)).toEqual([]);
    const idsAsPhone = corpus.filter((c) => /^\d{17}[\dXx]$|^\d{15}$|^\d{16,30}$/.test(c.number) && !/^0/.test(c.number));
    expect(idsAsPhone.length).toBeGreaterThan(300);
    const exempted = idsAsPhone.filter((c) => findPersonalData(`监督举报电话：${c.text}`, [c.text]).length === 0);
    expect(exempted.slice(0, 10).map((c) => c.text)).toEqual([]);
  });

  it('still lets a notice through: amounts, dates, periods, counts, page numbers and the real complaint phone', () => {
    const ok = ['1,234.00 元', '2026年11月22日至2026年11月28日', '2026.11.22—2026.11.29', '2026-11-22', '家庭人口 3 人，保障 2 人',
      '第1页 共12页', '月保障金 560 元', '张三 3人 560元', '监督举报电话：0838-6201234（青溪镇人民政府）', '二〇二六年十一月二十二日'];
    expect(ok.flatMap((t) => findPersonalData(t, ['0838-6201234']))).toEqual([]);
  });
});
