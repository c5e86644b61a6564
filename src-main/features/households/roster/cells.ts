import { CATEGORIES, RELATIONS, type Category } from '../../../domain/glossary';

/** Pure readers for the values townships type into roster cells. Each returns a value or a Chinese reason. */

export type Cell = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'number'; value: number } | { kind: 'date'; date: Date };
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Turns an exceljs cell value (string, number, Date, rich text, formula, hyperlink) into one of four kinds. */
export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'empty' };
  if (typeof v === 'string') return v.trim() ? { kind: 'text', text: v.replace(/[\s\u3000]+/g, ' ').trim() } : { kind: 'empty' };
  if (typeof v === 'boolean') return { kind: 'text', text: v ? '是' : '否' };
  if (v instanceof Date) return { kind: 'date', date: v };
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return toCell(o.richText.map((r) => r.text).join(''));
    if ('result' in o) return toCell(o.result);
    if ('text' in o) return toCell(o.text);
  }
  return { kind: 'empty' };
}

export const cellText = (c: Cell): string =>
  c.kind === 'text' ? c.text : c.kind === 'number' ? String(c.value) : c.kind === 'date' ? c.date.toISOString().slice(0, 10) : '';

const pad2 = (n: number) => String(n).padStart(2, '0');
const month = (y: number, m: number): Parsed<string> =>
  y >= 1950 && y <= 2100 && m >= 1 && m <= 12 ? { ok: true, value: `${y}-${pad2(m)}` } : { ok: false, reason: `年月“${y}年${m}月”不存在` };

/** Excel serial day numbers count from 1899-12-30 (the 1900 leap-year bug included). */
export function excelSerialToDate(n: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000);
}

/** 2021.05, 2021年5月, 2021-05, 2021/5, 202105, 2021-05-01, an Excel serial number or a date cell → 'YYYY-MM'. */
export function parseMonth(c: Cell): Parsed<string | null> {
  if (c.kind === 'empty') return { ok: true, value: null };
  if (c.kind === 'date') return month(c.date.getUTCFullYear(), c.date.getUTCMonth() + 1);
  if (c.kind === 'number') {
    const n = c.value;
    if (Number.isInteger(n) && n >= 195001 && n <= 210012) return month(Math.floor(n / 100), n % 100);
    if (Number.isInteger(n) && n >= 19500101 && n <= 21001231) return month(Math.floor(n / 10000), Math.floor(n / 100) % 100);
    if (n > 1950 && n < 2101 && !Number.isInteger(n)) {
      const frac = String(n).split('.')[1];
      if (frac === '1') return { ok: false, reason: `数字 ${n} 既可能是1月也可能是10月（Excel 去掉了末尾的0），请把该列设为文本后填写如 2021.10` };
      return month(Math.floor(n), Number(frac.length === 1 ? frac : frac.slice(0, 2)));
    }
    if (n >= 18264 && n <= 73415) { const d = excelSerialToDate(n); return month(d.getUTCFullYear(), d.getUTCMonth() + 1); }
    return { ok: false, reason: `无法识别的年月“${n}”` };
  }
  const t = c.text.replace(/\s/g, '');
  let m = /^(\d{4})[.\-/年](\d{1,2})(?:[.\-/月](\d{1,2})日?|月)?$/.exec(t);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{4})(\d{2})(\d{2})?$/.exec(t);
  if (m) return month(Number(m[1]), Number(m[2]));
  if (/^\d{5}$/.test(t)) return parseMonth({ kind: 'number', value: Number(t) });
  return { ok: false, reason: `无法识别的年月“${t}”（可写作 2021.05、2021年5月、2021-05 或 202105）` };
}

/** "560元", "560.00", "￥1,200.5", 560 → fen, without floating-point drift. */
export function parseYuan(c: Cell): Parsed<number | null> {
  if (c.kind === 'empty') return { ok: true, value: null };
  if (c.kind === 'number') {
    if (c.value < 0) return { ok: false, reason: `金额不能为负数：${c.value}` };
    return { ok: true, value: Math.round(c.value * 100) };
  }
  const t = cellText(c).replace(/[\s,，￥¥]/g, '').replace(/(元|圆)(\/?(月|人))*$/, '').replace(/^人民币/, '');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return { ok: false, reason: `无法识别的金额“${cellText(c)}”（应为数字，如 560 或 560.00元）` };
  return { ok: true, value: Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) };
}

export function parseCount(c: Cell): Parsed<number | null> {
  if (c.kind === 'empty') return { ok: true, value: null };
  const t = cellText(c).replace(/[人口\s]/g, '');
  return /^\d{1,2}$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, reason: `人数“${cellText(c)}”不是整数` };
}

/** The category words offices write, to the six categories of the glossary. */
export function parseCategory(text: string): Category | null {
  const t = text.replace(/\s/g, '');
  if (!t) return null;
  if ((CATEGORIES as readonly string[]).includes(t)) return t as Category;
  if (/集中/.test(t)) return '特困供养-集中';
  if (/特困|分散|五保/.test(t)) return '特困供养-分散';
  if (/边缘/.test(t)) return '低保边缘';
  if (/支出型|刚性支出/.test(t)) return '支出型困难';
  if (/城市|城镇|城/.test(t)) return '城市低保';
  if (/农村|农/.test(t)) return '农村低保';
  return null;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^十[一二三四五六七八九]?$/.test(s)) return 10 + (CN_DIGITS[s[1]] ?? 0);
  if (/^[一二三四五六七八九]十[一二三四五六七八九]?$/.test(s)) return CN_DIGITS[s[0]] * 10 + (CN_DIGITS[s[2]] ?? 0);
  return CN_DIGITS[s] ?? null;
}

/** "3", "三组", "第3村民小组", "3组" → "3组"; other names (e.g. "新街") are kept. */
export function normalizeGroup(text: string): string {
  const t = text.replace(/\s/g, '');
  const m = /^第?([\d一二三四五六七八九十]+)(组|社|村民小组|小组)?$/.exec(t);
  const n = m ? cnNumber(m[1]) : null;
  return n !== null ? `${n}组` : t;
}

/** Village names compared without their suffix: 石桥 = 石桥村 = 石桥村委会. */
export const villageKey = (name: string) => name.replace(/\s/g, '').replace(/(村民委员会|居民委员会|村委会|居委会|社区|村|居)$/, '');

const RELATION_WORDS: [RegExp, string][] = [
  [/^(本人|户主)$/, '户主'], [/^(妻|妻子|丈夫|夫|爱人|配偶|老伴)$/, '配偶'], [/^(子|儿|儿子|之子)$/, '儿子'], [/^(女|之女|女儿)$/, '女儿'],
  [/^(父|父亲)$/, '父亲'], [/^(母|母亲)$/, '母亲'], [/^(孙|孙子)$/, '孙子'], [/^孙女$/, '孙女'], [/^(媳|儿媳)$/, '儿媳'],
];

/** Relation to head as in the glossary; null when the word is not known. */
export function parseRelation(text: string): string | null {
  const t = text.replace(/\s/g, '');
  if ((RELATIONS as readonly string[]).includes(t)) return t === '本人' ? '户主' : t;
  for (const [re, v] of RELATION_WORDS) if (re.test(t)) return v;
  return null;
}

export const isHeadRelation = (text: string) => /^(本人|户主)$/.test(text.replace(/\s/g, ''));

/** 合计 / 小计 / 总计 rows at the end of a roster (or per village) carry sums, not people. */
export const isTotalRow = (texts: string[]) => texts.some((t) => /^(合\s*计|小\s*计|总\s*计|累\s*计)/.test(t.replace(/\s/g, '')));

export function parseDisabilityGrade(text: string): number | null {
  const m = /([1-4一二三四])\s*级/.exec(text) ?? /^([1-4])$/.exec(text.trim());
  return m ? (cnNumber(m[1]) ?? null) : null;
}

export function parseHealth(text: string): string {
  if (/重病|大病|重疾|癌|尿毒症/.test(text)) return /残/.test(text) ? '残疾且患病' : '重病';
  if (/残/.test(text)) return '残疾';
  if (/慢性/.test(text)) return '慢性病';
  return '健康';
}

export function parseLabour(text: string): string | null {
  if (/完全丧失/.test(text)) return '完全丧失';
  if (/部分丧失|弱/.test(text)) return '部分丧失';
  if (/^无/.test(text)) return '无';
  if (/有|正常|强|健全/.test(text)) return '有';
  return null;
}

/**
 * Footer and note lines under or inside a table are not people: signatures (单位负责人：… 审核人：… 填表人：…),
 * 联系电话, 填报日期, 备注/说明, or a bare date under the table. Judged by the row's first filled cell, and never
 * for a row that holds anything like an ID number, so a member row is never skipped for what its 备注 says.
 */
const NOTE_START = /^(单位负责人|单位领导|负责人|分管领导|主管领导|审核人|审批人|复核人|填表人|填报人|制表人|经办人|统计人|联系人|联系电话|电话|填报日期|填表日期|制表日期|报送日期|填报时间|日期|填报单位|制表单位|单位|备注|说明|附注|注)\s*(\(盖章\)|（盖章）)?\s*[:：]/;
const NOTE_BARE = /^(备注|说明|附注|注)\s*\d*[、.．]|^(单位负责人|负责人|分管领导|审核人|复核人|填表人|填报人|制表人|经办人)(\s|$)/;
const BARE_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$/;
export function isNoteRow(texts: string[]): boolean {
  const filled = texts.filter(Boolean);
  if (!filled.length || texts.some((t) => /\d{15}/.test(t.replace(/[\s-]/g, '')))) return false;
  const first = filled[0].normalize('NFKC').replace(/^[\s　]+/, '');
  return NOTE_START.test(first) || NOTE_BARE.test(first) || (filled.length <= 2 && BARE_DATE.test(first));
}

/** Full-width digits, letters and punctuation (５６０元, ２０２１．０５) as ASCII; used for IDs, amounts and dates, never names. */
export const nfkc = (c: Cell): Cell => (c.kind === 'text' ? { kind: 'text', text: c.text.normalize('NFKC') } : c);
