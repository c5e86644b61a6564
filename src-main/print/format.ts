/** Print-side formatting (main has no access to the renderer's lib/format): 2024年3月4日, 1,234.00. */
export function cnDate(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso) : null;
  if (!m) return iso ?? '';
  return m[3] ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : `${Number(m[1])}年${Number(m[2])}月`;
}

/** Fen as 元 with two decimals and thousands separators (the separators also keep amounts from looking like IDs). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
