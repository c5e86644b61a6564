import { AppError } from '../ipc/errors';

/** One thing on a public document that looks like personal data, shown masked (never the full number). */
export interface PrivacyFinding { kind: string; sample: string }

const mask = (s: string) => (s.length <= 6 ? `${s.slice(0, 1)}****` : `${s.slice(0, 3)}****${s.slice(-2)}`);

/**
 * Text as the guard reads it: NFKC (full-width digits and spaces, circled digits …) and Chinese numerals as digits,
 * so ５１０９… and 五一〇九… are the number they show. Lines stay apart (table cells are separate lines).
 */
const CN_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
  壹: '1', 贰: '2', 叁: '3', 肆: '4', 伍: '5', 陆: '6', 柒: '7', 捌: '8', 玖: '9' };
export function normalizeForGuard(text: string): string {
  // only runs of 4 or more numerals (separators allowed between them): 张三 or 一组 stay words, 五一〇九 二一九八… is a number
  return text.normalize('NFKC').replace(CN_RUN, (run) => {
    const numerals = run.replace(CN_NOT_NUMERAL, '');
    return numerals.length >= 4 ? run.replace(CN_NUMERAL, (c) => CN_DIGITS[c]) : run;
  });
}

/**
 * A digit run with anything a person (or a disguise) puts between digits: spaces of every width, several of them,
 * dashes, dots, middle dots, slashes, commas, quotes, brackets, zero-width characters. Letters other than a final X
 * and CJK characters end a run; so does a line break.
 */
const SEP = "[^\\S\\n]|[\\u200b-\\u200f\\u2060\\ufeff\\-‐‑‒–—―﹘﹣.·•‧・∙⋅。，,、/\\\\_~*'\"“”‘’()（）\\[\\]【】<>《》:：;；|+#]";
const DIGIT_RUN = new RegExp(`\\d(?:(?:${SEP})*\\d)*(?:(?:${SEP})*[Xx](?![A-Za-z]))?`, 'g');
const CN = '[〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖]';
const CN_RUN = new RegExp(`${CN}(?:(?:${SEP})*${CN})*`, 'g');
const CN_NUMERAL = new RegExp(CN, 'g');
const CN_NOT_NUMERAL = new RegExp(`(?!${CN}).`, 'gs');
/** A date or a date range (2026-11-22, 2026.11.22—2026.11.29) is not a number to hide. */
const DATE = '(?:19|20)\\d{2}[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\\d|3[01])';
const DATE_RUN = new RegExp(`^${DATE}(?:\\s*[-–—~至/]+\\s*${DATE})?$`);
const PHONE_WORD = /(电话|手机|联系方式|热线|Tel|TEL|tel|号码)[:：\s]*$/;

function classify(compact: string, before: string): string | null {
  const digits = compact.replace(/[Xx]$/, '');
  const n = compact.length;
  if (/[Xx]$/.test(compact)) return n === 18 || n === 15 ? '身份证号' : n >= 11 ? '长数字（疑似证件号或账号）' : null;
  if (n === 15 || n === 18) return '身份证号';
  if (n === 11 && digits.startsWith('1')) return '手机号码';
  if (n >= 10 && n <= 12 && digits.startsWith('0')) return '固定电话';
  if (n >= 16 && n <= 30) return '银行账号';
  if (n >= 11) return '长数字（疑似证件号或账号）';
  if (n >= 7 && PHONE_WORD.test(before)) return '电话号码';
  return null;
}

/** Kinds a document may publish on purpose (the township's complaint phone); an ID or account never is. */
const PUBLISHABLE = new Set(['手机号码', '固定电话', '电话号码']);
const compactOf = (run: string) => run.replace(/[^0-9Xx]/g, '').toUpperCase();

/**
 * Finds ID-, phone- and bank-number shapes in text, however they are written. `allowed` are numbers the document
 * publishes on purpose (the township complaint phone, 一公布): a run equal to one of them passes only if it has the
 * shape of a phone number; a complaint "phone" holding an ID number is still refused.
 */
export function findPersonalData(text: string, allowed: string[] = []): PrivacyFinding[] {
  let t = normalizeForGuard(text);
  for (const a of allowed.map((x) => normalizeForGuard(x).trim()).filter((x) => /\d/.test(x))) {
    const kind = classify(compactOf(a), '电话');
    // a phone-shaped published number is cut out (so it cannot run into a neighbour); anything else stays to be found
    if (kind && PUBLISHABLE.has(kind)) t = t.split(a).join('\n');
  }
  const found: PrivacyFinding[] = [];
  for (const m of t.matchAll(DIGIT_RUN)) {
    if (DATE_RUN.test(m[0])) continue;
    const compact = compactOf(m[0]);
    const kind = classify(compact, t.slice(Math.max(0, m.index! - 8), m.index!));
    if (kind) found.push({ kind, sample: mask(compact) });
  }
  return found;
}

/**
 * Kinds only an account with sensitive.read may see unmasked. Phones are not among them: documents print the
 * office's own number; a document printing a household's phone says so with `contains`.
 */
const PERSONAL_KINDS = new Set(['身份证号', '银行账号']);

/** Whether text (a whole document body) shows an unmasked ID, bank or phone number, however it is written. */
export function carriesPersonalNumbers(text: string, allowed: string[] = []): boolean {
  return findPersonalData(text, allowed).some((f) => PERSONAL_KINDS.has(f.kind));
}

/**
 * The body as a viewer without sensitive.read may see it: every ID- or bank-number run in every string masked
 * (5109**********1234), whatever document made it, so a form printed by a 审核人 shows what their screens show.
 */
export function maskedForViewer<T>(node: T, depth = 0): T {
  if (depth > 200) return node;
  if (typeof node === 'string') return (node.startsWith('data:') ? node : maskRuns(node)) as T;
  if (Array.isArray(node)) return node.map((n) => maskedForViewer(n, depth + 1)) as T;
  const plain = node && typeof node === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(node));
  if (plain) return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, maskedForViewer(v, depth + 1)])) as T;
  return node; // numbers, Buffers and other objects as they are
}

function maskRuns(text: string): string {
  return text.replace(DIGIT_RUN, (run) => {
    if (DATE_RUN.test(run)) return run;
    const compact = compactOf(run);
    const kind = classify(compact, '');
    return kind && PERSONAL_KINDS.has(kind) ? `${compact.slice(0, 4)}${'*'.repeat(compact.length - 8)}${compact.slice(-4)}` : run;
  });
}

/** Refuses to produce a public document that carries anything shaped like personal data. */
export function assertPublicSafe(text: string, allowed: string[] = []): void {
  const found = findPersonalData(text, allowed);
  if (found.length === 0) return;
  const kinds = [...new Set(found.map((f) => f.kind))].join('、');
  throw new AppError('PRIVACY_GUARD', `公示材料中出现疑似个人隐私信息（${kinds}），已拒绝生成；请检查数据后重试`, {
    findings: found.slice(0, 20),
  });
}

/**
 * Every string anywhere in a document body, one per line: content, header, footer, file name, table cells,
 * anything a document adds later, the published numbers themselves (so a setting is checked like any field).
 * Only embedded images (data: URLs) are skipped. An inline `text` array is one line, so a number split across
 * runs is still seen whole.
 */
export function publicText(body: unknown): string {
  return allStrings(body).join('\n');
}

function allStrings(node: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 200) return out;
  if (typeof node === 'string') { if (!node.startsWith('data:')) out.push(node); }
  else if (typeof node === 'number') { if (Number.isInteger(node)) out.push(String(node)); } // not layout values (170.07874015748033 mm)
  else if (Array.isArray(node)) for (const n of node) allStrings(n, out, depth + 1);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === 'text' && Array.isArray(v)) out.push(allStrings(v, [], depth + 1).join(''));
      else allStrings(v, out, depth + 1);
    }
  }
  return out;
}

/** Every string a pdfmake content tree will draw, one per line (cells never run together). */
export function textOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (typeof node === 'number') out.push(String(node));
  else if (Array.isArray(node)) for (const n of node) textOf(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if ('text' in o) {
      // an inline array is one line of text: join its pieces so a number split across runs is still seen
      const inline: string[] = [];
      textOf(o.text, inline);
      out.push(inline.join(''));
    }
    for (const k of ['stack', 'columns', 'ul', 'ol']) if (Array.isArray(o[k])) textOf(o[k], out);
    const table = o.table as { body?: unknown[][] } | undefined;
    if (table?.body) for (const row of table.body) textOf(row, out);
  }
  return out;
}
