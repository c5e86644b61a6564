import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD');
export const id = z.number().int().positive();
export const paging = { page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(500).default(50) };
export const offset = (p: { page: number; pageSize: number }) => ({ offset: (p.page - 1) * p.pageSize, limit: p.pageSize });

/** Today's date on the office PC's clock (local time, not UTC: before 08:00 in China UTC is still yesterday). */
export function localToday(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
