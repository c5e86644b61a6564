/**
 * Masks personal numbers in free text for logs and for views of roles without sensitive.read: 身份证号, phones,
 * bank accounts. The schemas accept 7–12-digit phones and accounts of up to 30 digits, people type them with spaces,
 * dashes or dots and in full-width digits, so every run of 7 or more digits is masked, full-width or not, whatever its shape.
 * Keeps a few leading and trailing characters so a log line can still be matched to a case by staff.
 */
const DIGIT_RUN = /(?<![0-9])[0-9](?:[ \-.·・‧]{0,2}[0-9])*(?:[ \-.·・‧]{0,2}[Xx](?![A-Za-z]))?/g;
const DATE = /^\d{4}([-.])\d{1,2}\1\d{1,2}$/; // 2026-12-01 and 2026.12.01 stay readable

function maskDigits(run: string): string {
  const d = run.replace(/[^0-9Xx]/g, '');
  if (d.length < 7 || DATE.test(run)) return run;
  const [head, tail] = d.length >= 15 ? [4, 4] : d.length >= 11 ? [3, 4] : [2, 2];
  return `${d.slice(0, head)}${'*'.repeat(d.length - head - tail)}${d.slice(-tail)}`;
}

/** Full-width digits, X and spaces read as ASCII (only those: the rest of the text keeps its Chinese punctuation). */
const asciiDigits = (s: string) => s.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

export function maskText(s: string): string {
  return asciiDigits(s).replace(DIGIT_RUN, maskDigits);
}

/** Masks a value for logging (JSON-stringified first). */
export function maskForLog(value: unknown): string {
  let s: string;
  try { s = JSON.stringify(value) ?? ''; } catch { s = String(value); }
  if (s.length > 2000) s = s.slice(0, 2000) + '…';
  return maskText(s);
}

/** Masks every string inside a JSON value (numbers such as amounts in fen stay as they are). */
export function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskDeep(v)]));
  }
  return value;
}

/** Masks a bank account for display to roles without sensitive.read. */
export function maskAccount(s: string): string {
  if (!s) return s;
  return s.length <= 8 ? '****' : `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}
