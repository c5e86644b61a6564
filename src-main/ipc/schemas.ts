import { z } from 'zod';
import { isRealDate } from '../domain/idNumber';

/** Input pieces every feature's channels share, so a date is checked the same way everywhere. */
export const isoDate = z.string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => isRealDate(s.replaceAll('-', '')), '日期不存在');
export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '年月格式应为 YYYY-MM');
export const id = z.number().int().positive();
