/** Formatting at the edge: dates as 2024年3月4日 (domain/dates owns the rule), amounts in 元 from fen. */
import { formatChineseDate } from '../../src-main/domain/dates';

export const formatDate = formatChineseDate;

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
