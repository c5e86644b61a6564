import { describe, expect, it } from 'vitest';
import { parseMonth, parseYuan, normalizeGroup, parseCategory, parseRelation, isTotalRow, villageKey, type Cell } from '../../src-main/features/households/roster/cells';
import { fieldForHeader, looksLikeHeader } from '../../src-main/features/households/roster/headers';

const t = (text: string): Cell => ({ kind: 'text', text });
const n = (value: number): Cell => ({ kind: 'number', value });

describe('roster cells as offices type them', () => {
  it.each([
    [t('2021.05'), '2021-05'], [t('2021年5月'), '2021-05'], [t('2021-05'), '2021-05'], [t('202105'), '2021-05'],
    [t('2021/5'), '2021-05'], [t('2021-05-17'), '2021-05'], [t('2021年05月01日'), '2021-05'], [n(44317), '2021-05'],
    [n(2021.05), '2021-05'], [n(2021.12), '2021-12'], [n(202105), '2021-05'], [n(20210501), '2021-05'],
    [{ kind: 'date', date: new Date(Date.UTC(2021, 4, 1)) } as Cell, '2021-05'], [{ kind: 'empty' } as Cell, null],
  ])('reads the month %j as %s', (cell, expected) => {
    expect(parseMonth(cell)).toEqual({ ok: true, value: expected });
  });

  it.each([[t('2021-13')], [t('五月')], [n(2021.1)], [n(123)]])('refuses the month %j with a reason', (cell) => {
    const r = parseMonth(cell);
    expect(r.ok).toBe(false);
  });

  it('says why 2021.1 typed as a number is ambiguous', () => {
    const r = parseMonth(n(2021.1));
    expect(!r.ok && r.reason).toContain('既可能是1月也可能是10月');
  });

  it.each([[t('560元'), 56000], [t('560.00'), 56000], [t('￥1,200.5'), 120050], [n(560), 56000], [n(0.1 + 0.2), 30], [t('620 元/月'), 62000]])(
    'reads the amount %j as %i fen', (cell, fen) => { expect(parseYuan(cell)).toEqual({ ok: true, value: fen }); });

  it('refuses an amount written in words', () => { expect(parseYuan(t('三百')).ok).toBe(false); });

  it.each([['3', '3组'], ['三组', '3组'], ['第3村民小组', '3组'], ['十二组', '12组'], ['新街', '新街']])('names the group %s as %s', (raw, g) => {
    expect(normalizeGroup(raw)).toBe(g);
  });

  it.each([['农村', '农村低保'], ['城镇低保', '城市低保'], ['分散供养', '特困供养-分散'], ['集中供养特困', '特困供养-集中'], ['低保边缘户', '低保边缘'], ['低保', null]])(
    'maps the category %s to %s', (raw, c) => { expect(parseCategory(raw)).toBe(c); });

  it('maps common relation words and knows 合计 rows and village suffixes', () => {
    expect(parseRelation('妻')).toBe('配偶');
    expect(parseRelation('本人')).toBe('户主');
    expect(parseRelation('干女儿')).toBe(null);
    expect(isTotalRow(['合 计', '', '12'])).toBe(true);
    expect(villageKey('石桥村委会')).toBe(villageKey('石桥'));
  });

  it.each([['身份证号码', 'idNumber'], ['公民身份号码', 'idNumber'], ['家庭人口(数)', 'familySize'], ['村(居)', 'village'], ['村民小组', 'group'],
    ['保障金额（元）', 'amount'], ['户主 姓名', 'headName'], ['起始保障年月', 'startMonth'], ['备注', 'ignore']])('maps the header %s to %s', (h, f) => {
    expect(fieldForHeader(h)).toBe(f);
  });

  it('recognises a header row only with a person, an ID and three known columns', () => {
    expect(looksLikeHeader(['name', 'idNumber', 'relation'])).toBe(true);
    expect(looksLikeHeader(['name', 'idNumber', 'ignore'])).toBe(false);
    expect(looksLikeHeader([null, null, null])).toBe(false);
  });
});
