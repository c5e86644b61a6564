import { describe, expect, it } from 'vitest';
import { chineseDatesIn, formatChineseDate, parseDateInput, parseMonthInput } from '../../src-main/domain/dates';

describe('formatChineseDate: the one way a person reads a date', () => {
  it.each([
    ['2026-12-01', '2026年12月1日'],
    ['2024-03-04', '2024年3月4日'],
    ['2026-12', '2026年12月'],
    ['2026-12-01T08:30:00.000Z', '2026年12月1日'],
    ['', ''],
    [null, ''],
    ['不详', '不详'],
  ])('%s → %s', (iso, text) => expect(formatChineseDate(iso)).toBe(text));
});

describe('chineseDatesIn: ISO dates inside a sentence', () => {
  it.each([
    ['第 3 步日期 2026-11-02 早于申请日期 2026-11-05', '第 3 步日期 2026年11月2日 早于申请日期 2026年11月5日'],
    ['2026-11 已锁定', '2026年11月 已锁定'],
    ['身份证号 110101200001011234 不变', '身份证号 110101200001011234 不变'],
    ['档号 2026-D10-0001 不变', '档号 2026-D10-0001 不变'],
    ['法定节假日第 2 行“2027-10-1..2027-10-07”：日期无效；2027-10-08 起', '法定节假日第 2 行“2027-10-1..2027-10-07”：日期无效；2027年10月8日 起'],
  ])('%s', (from, to) => expect(chineseDatesIn(from)).toBe(to));
});

describe('parseDateInput: what a clerk types into a date box', () => {
  it.each([
    ['2026年12月1日', '2026-12-01'],
    ['2026年12月01日', '2026-12-01'],
    ['2026年12月1', '2026-12-01'],
    ['2026-12-01', '2026-12-01'],
    ['2026/12/1', '2026-12-01'],
    ['2026.12.1', '2026-12-01'],
    ['20261201', '2026-12-01'],
    [' ２０２６年１２月１日 ', '2026-12-01'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (raw, iso) => expect(parseDateInput(raw)).toBe(iso));

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026年12月', '2026', '202612', '12/01/2026', 'December 1, 2026', '', '2026-12-1x'])(
    'refuses %j (not a whole real date)', (raw) => expect(parseDateInput(raw)).toBeNull());
});

describe('parseMonthInput', () => {
  it.each([['2026年12月', '2026-12'], ['2026-12', '2026-12'], ['2026/1', '2026-01'], ['202612', '2026-12'], ['2026年3', '2026-03']])(
    '%s → %s', (raw, m) => expect(parseMonthInput(raw)).toBe(m));
  it.each(['2026-13', '2026', '12/2026', ''])('refuses %j', (raw) => expect(parseMonthInput(raw)).toBeNull());
});
