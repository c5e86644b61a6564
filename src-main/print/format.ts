/** Print-side formatting: 2024年3月4日 (the one formatter in domain/dates), 1,234.00. */
import { formatChineseDate } from '../domain/dates';

export const cnDate = formatChineseDate;

/** Fen as 元 with two decimals and thousands separators (the separators also keep amounts from looking like IDs). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
