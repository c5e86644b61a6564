/** 身份证号 rules of GB 11643-1999: check character (ISO 7064 MOD 11-2), 15→18 conversion, real dates. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4)), m = Number(yyyymmdd.slice(4, 6)), d = Number(yyyymmdd.slice(6, 8));
  if (y < 1880 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export interface IdInfo { id: string; birthDate: string; sex: '男' | '女'; converted: boolean }
export type IdResult = { ok: true; value: IdInfo } | { ok: false; reason: string };

/**
 * Normalizes and validates a 身份证号. Accepts lowercase x (stored as X) and legacy 15-digit numbers
 * (converted by inserting 19 and computing the check). `today` bounds the birth date.
 */
export function parseIdNumber(raw: string, today = new Date()): IdResult {
  const s = String(raw ?? '').trim().toUpperCase();
  if (!s) return { ok: false, reason: '身份证号为空' };
  let id: string;
  let converted = false;
  if (/^\d{15}$/.test(s)) {
    const first17 = s.slice(0, 6) + '19' + s.slice(6);
    id = first17 + checkChar(first17);
    converted = true;
  } else if (/^\d{17}[\dX]$/.test(s)) {
    id = s;
  } else {
    return { ok: false, reason: `身份证号应为18位（末位可为X）或15位数字，实际为“${s.length}位”` };
  }
  const birth = id.slice(6, 14);
  if (!isRealDate(birth)) return { ok: false, reason: `身份证号中的出生日期 ${birth} 不存在` };
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  if (birthDate > today.toISOString().slice(0, 10)) return { ok: false, reason: `身份证号中的出生日期 ${birthDate} 晚于今天` };
  if (!converted && checkChar(id.slice(0, 17)) !== id[17]) {
    return { ok: false, reason: `身份证号校验位错误：末位应为 ${checkChar(id.slice(0, 17))}，实为 ${id[17]}` };
  }
  const sex = Number(id[16]) % 2 === 1 ? '男' : '女';
  return { ok: true, value: { id, birthDate, sex, converted } };
}

/** Age in whole years on a given date (ISO). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Builds a valid 18-digit ID (for demo data and tests). */
export function makeIdNumber(region6: string, birthDate: string, seq3: number, male: boolean): string {
  let seq = seq3 % 1000;
  if ((seq % 2 === 1) !== male) seq = (seq + 1) % 1000;
  const first17 = region6 + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
  return first17 + checkChar(first17);
}

/** What a search box string means for 身份证号 lookups: a full ID, its last digits, or neither. */
export type IdQuery = { kind: 'full'; id: string } | { kind: 'suffix'; digits: string } | { kind: 'none' };

export function classifyIdQuery(raw: string): IdQuery {
  const s = raw.trim().toUpperCase();
  if (/^\d{15}$/.test(s) || /^\d{17}[\dX]$/.test(s)) {
    const r = parseIdNumber(s);
    return r.ok ? { kind: 'full', id: r.value.id } : { kind: 'suffix', digits: s };
  }
  // Four or more trailing characters: fewer would match thousands of people.
  if (/^\d{3,16}[\dX]$/.test(s)) return { kind: 'suffix', digits: s };
  return { kind: 'none' };
}

/** Shows only the first 4 and last 4 characters (lists, exports to untrusted places). */
export function maskIdNumber(id: string): string {
  return id.length < 9 ? id : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
