import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseMonth, parseYuan, normalizeGroup, parseCategory, parseRelation, isTotalRow, isNoteRow, villageKey, type Cell } from '../../src-main/features/households/roster/cells';
import { nearest } from '../../src-main/features/households/roster/resolve';
import { decodeText } from '../../src-main/features/households/roster/read';
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

describe('isNoteRow: footer and note lines are not members', () => {
  it.each([
    [['单位负责人：王某某', '', '审核人：李某', '填表人：张某', '联系电话：0817-1234567'], true],
    [['', '填报日期：2024年12月31日'], true],
    [['备注：以下一户为新纳入对象'], true],
    [['说明：1、保障金按月发放'], true],
    [['注：本表一式三份'], true],
    [['说明 1、本表由村填报'], true],
    [['制表人 张某', '', '', '2024年12月31日'], true],
    [['', '', '', '2024年12月31日'], true],
    [['１', '张三', '510902196103040012', '户主', '备注：低保户'], false], // a member whose 备注 says something
    [['审核人：李某', '510902196103040012'], false], // anything like an ID keeps the row as data
    [['3', '注明', '张三'], false],
    [['张三', '户主', '说明：无'], false],
  ])('%j → %s', (texts, note) => expect(isNoteRow(texts as string[])).toBe(note));
});

// Two-character names one character apart (新建/新华) are asked too: the clerk's "新建" costs a click, a wrong merge a record.
describe('nearest: a village one character from an existing one is a likely typo', () => {
  const villages = ['石桥村', '红星村', '新华社区', '村1', '青溪村民委员会'];
  it.each([
    ['石挢村', ['石桥村']], ['石桥', []], ['红心村', ['红星村']], ['新建村', ['新华社区']], ['新华居委会', []], ['村2', []], ['青西村', ['青溪村民委员会']],
  ])('%s → %j', (name, want) => expect(nearest(name as string, villages, villageKey)).toEqual(want));
});

describe('decodeText: CSV encodings', () => {
  const text = '姓名,身份证号\r\n曾慧晓,510902196103040012\r\n王𠈌,1\r\n';
  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['GB18030', iconv.encode(text, 'gb18030')],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])],
  ])('%s', (_what, bytes) => expect(decodeText(bytes)).toBe(text));
  it('GBK text (no rare characters) decodes as GBK, not as mojibake UTF-8', () => {
    const gbk = '姓名,村\r\n张三,石桥村\r\n';
    expect(decodeText(iconv.encode(gbk, 'gbk'))).toBe(gbk);
  });
});
