/** Today as YYYY-MM-DD on the office PC's clock (local time, not UTC: before 08:00 in China UTC is still yesterday). */
export function localToday(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * The one way a person reads a date: 2026-12-01 → 2026年12月1日, 2026-12 → 2026年12月. Stored values, files for
 * machines (data.json, CSV codes) and IPC stay ISO; every message, table and print goes through this.
 * Anything that is not an ISO date is returned unchanged (a free-text note is never mangled).
 */
export function formatChineseDate(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso) : null;
  if (!m) return iso ?? '';
  return m[3] ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : `${Number(m[1])}年${Number(m[2])}月`;
}

/**
 * Replaces every ISO date (2026-12-01 or 2026-12) inside a sentence by its Chinese form, for messages built elsewhere.
 * Text inside “…” is left as it is: it quotes what the clerk typed (a calendar line, a cell), which must stay recognisable.
 */
export function chineseDatesIn(text: string): string {
  return text.split(/(“[^”]*”)/).map((part) => (part.startsWith('“') ? part
    : part.replace(/(?<![\d-])\d{4}-\d{2}(?:-\d{2})?(?![\d-])/g, (all) => formatChineseDate(all)))).join('');
}

function isRealDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2999 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * What a clerk types into a date box → YYYY-MM-DD, or null when it is not (yet) a whole real date.
 * Accepts 2026年12月1日, 2026-12-01, 2026/12/1, 2026.12.1, 20261201 and fullwidth digits; refuses 2026-02-30.
 */
export function parseDateInput(raw: string): string | null {
  const s = raw.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s) ?? /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s)
    ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDay(y, mo, d)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Month boxes: 2026年12月, 2026-12, 2026/12, 202612 → YYYY-MM, or null. */
export function parseMonthInput(raw: string): string | null {
  const s = raw.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  const m = /^(\d{4})年(\d{1,2})月?$/.exec(s) ?? /^(\d{4})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12) return null;
  return `${y}-${String(mo).padStart(2, '0')}`;
}
