import { AppError } from '../ipc/errors';

/** One thing on a public document that looks like personal data, shown masked (never the full number). */
export interface PrivacyFinding { kind: string; sample: string }

const mask = (s: string) => (s.length <= 6 ? `${s.slice(0, 1)}****` : `${s.slice(0, 3)}****${s.slice(-2)}`);

/** Digit runs, letting single spaces or hyphens sit inside (people type 6222 0212 3456 …). */
const DIGIT_RUN = /(?<![\dA-Za-z])\d(?:[\s-]?\d)*(?:[Xx](?![A-Za-z]))?/g;
const PHONE_WORD = /(电话|手机|联系方式|热线|Tel|TEL)[:：\s]*$/;

function classify(compact: string, before: string): string | null {
  const digits = compact.replace(/[Xx]$/, '');
  const n = compact.length;
  if (/[Xx]$/.test(compact)) return n === 18 || n === 15 ? '身份证号' : null;
  if (n === 15 || n === 18) return '身份证号';
  if (n === 11 && digits.startsWith('1')) return '手机号码';
  if (n >= 10 && n <= 12 && digits.startsWith('0')) return '固定电话';
  if (n >= 16 && n <= 19) return '银行账号';
  if (n >= 11) return '长数字（疑似证件号或账号）';
  if ((n === 7 || n === 8) && PHONE_WORD.test(before)) return '电话号码';
  return null;
}

/**
 * Finds ID-, phone- and bank-number shapes in text. `allowed` are numbers the document publishes on
 * purpose (the township complaint phone, 一公布); they are removed before scanning.
 */
export function findPersonalData(text: string, allowed: string[] = []): PrivacyFinding[] {
  let t = text;
  for (const a of allowed) if (a.trim()) t = t.split(a.trim()).join(' ');
  const found: PrivacyFinding[] = [];
  for (const m of t.matchAll(DIGIT_RUN)) {
    const compact = m[0].replace(/[\s-]/g, '');
    const kind = classify(compact, t.slice(Math.max(0, m.index! - 8), m.index!));
    if (kind) found.push({ kind, sample: mask(compact) });
  }
  return found;
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
