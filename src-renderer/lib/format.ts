/** Formatting at the edge: dates as 2024年3月4日, amounts in 元 from fen. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  return m[3] ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : `${Number(m[1])}年${Number(m[2])}月`;
}

export function formatYuan(fen: number | null | undefined): string {
  if (fen == null) return '';
  const yuan = fen / 100;
  return `${yuan.toLocaleString('zh-CN', { minimumFractionDigits: fen % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })} 元`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today in the office's local calendar as YYYY-MM-DD (default value of date fields). */
export function todayIso(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
