/** Today as YYYY-MM-DD on the office PC's clock (local time, not UTC: before 08:00 in China UTC is still yesterday). */
export function localToday(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
