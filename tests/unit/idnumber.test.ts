import { describe, expect, it } from 'vitest';
import { parseIdNumber, classifyIdQuery, checkChar, makeIdNumber, maskIdNumber } from '../../src-main/domain/idNumber';

const today = new Date('2026-11-22T12:00:00Z');

describe('身份证号 rules (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', '女', false, 'valid 18 digits ending in X'],
    ['440524188001010014', '1880-01-01', '男', false, 'valid 18 digits, born 1880'],
    ['11010519491231002x', '1949-12-31', '女', false, 'lowercase x is accepted and stored as X'],
    [' 440524188001010014 ', '1880-01-01', '男', false, 'surrounding spaces are trimmed'],
    ['110105491231002', '1949-12-31', '女', true, 'legacy 15 digits are converted'],
  ])('accepts %s (%s)', (raw, birth, sex, converted) => {
    const r = parseIdNumber(raw, today);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.id).toMatch(/^\d{17}[\dX]$/);
    expect(r.value.birthDate).toBe(birth);
    expect(r.value.sex).toBe(sex);
    expect(r.value.converted).toBe(converted);
  });

  it('converts the 15-digit number by inserting 19 and computing the check character', () => {
    const r = parseIdNumber('110105491231002', today);
    expect(r.ok && r.value.id).toBe('11010519491231002X');
  });

  it.each([
    ['110105194912310021', '校验位错误', 'a wrong check character'],
    ['110105199902300011', '出生日期 19990230 不存在', 'February 30th'],
    ['110105190013010016', '不存在', 'month 13'],
    ['110105990230001', '不存在', 'a 15-digit ID with an impossible date'],
    ['11010520300101001X', '晚于今天', 'a birth date in the future'],
    ['1101051949123100', '18位', 'sixteen digits'],
    ['11010519491231002Y', '18位', 'a letter other than X'],
    ['', '为空', 'an empty string'],
  ])('refuses %s with “%s” (%s)', (raw, reason) => {
    const r = parseIdNumber(raw, today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('every generated demo ID passes its own check', () => {
    for (let i = 0; i < 200; i++) {
      const id = makeIdNumber('510902', `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`, i, i % 2 === 0);
      expect(parseIdNumber(id, today).ok).toBe(true);
      expect(checkChar(id.slice(0, 17))).toBe(id[17]);
    }
  });

  it.each([
    ['11010519491231002x', { kind: 'full', id: '11010519491231002X' }],
    ['002X', { kind: 'suffix', digits: '002X' }],
    ['31002x', { kind: 'suffix', digits: '31002X' }],
    ['123', { kind: 'none' }],
    ['zs', { kind: 'none' }],
  ])('reads the search text %s as %j', (q, expected) => {
    expect(classifyIdQuery(q)).toEqual(expected);
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});
