/**
 * Masks personal numbers in free text for logs: 身份证号 (15/18), mobile phones, bank accounts.
 * Keeps the first 4 / last 4 characters so a log line can still be matched to a case by staff.
 */
const ID18 = /(?<![0-9])([1-9]\d{3})\d{10}(\d{3}[0-9Xx])(?![0-9])/g;
const ID15 = /(?<![0-9])([1-9]\d{3})\d{7}(\d{4})(?![0-9])/g;
const BANK = /(?<![0-9])(\d{4})\d{8,15}(\d{4})(?![0-9])/g;
const PHONE = /(?<![0-9])(1[3-9]\d)\d{4}(\d{4})(?![0-9])/g;

export function maskText(s: string): string {
  return s
    .replace(ID18, (_m, a, b) => `${a}**********${b}`)
    .replace(BANK, (_m, a, b) => `${a}********${b}`)
    .replace(ID15, (_m, a, b) => `${a}*******${b}`)
    .replace(PHONE, (_m, a, b) => `${a}****${b}`);
}

/** Masks a value for logging (JSON-stringified first). */
export function maskForLog(value: unknown): string {
  let s: string;
  try { s = JSON.stringify(value) ?? ''; } catch { s = String(value); }
  if (s.length > 2000) s = s.slice(0, 2000) + '…';
  return maskText(s);
}

/** Masks a bank account for display to roles without sensitive.read. */
export function maskAccount(s: string): string {
  if (!s) return s;
  return s.length <= 8 ? '****' : `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}
