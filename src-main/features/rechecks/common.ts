import { z } from 'zod';

export { isoDate, id } from '../../ipc/schemas';
export const paging = { page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(500).default(50) };
export const offset = (p: { page: number; pageSize: number }) => ({ offset: (p.page - 1) * p.pageSize, limit: p.pageSize });

export { localToday } from '../../domain/dates';
