// Input pieces and helpers shared by the supervision channels.
import { z } from 'zod';
import type Database from 'better-sqlite3';
import type { Actor } from '../../ipc/contract';
import { roleHas } from '../../ipc/permissions';
import { parseIdNumber } from '../../domain/idNumber';
import { AppError } from '../../ipc/errors';

import { isoDate } from '../../ipc/schemas';
export { isoDate, id } from '../../ipc/schemas';
export const optDate = isoDate.nullable().optional();
export const text = (max: number) => z.string().trim().max(max);

export const paging = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
  search: z.string().trim().max(40).default(''),
};

export const idNumberInput = z.string().trim().transform((raw, c) => {
  const r = parseIdNumber(raw);
  if (!r.ok) { c.addIssue({ code: 'custom', message: r.reason }); return z.NEVER; }
  return r.value.id;
});

export const canSeeSensitive = (a: Actor) => roleHas(a.role, 'sensitive.read');

export const offset = (i: { page: number; pageSize: number }) => (i.page - 1) * i.pageSize;

export function count(sqlite: Database.Database, sql: string, params: unknown[]): number {
  return (sqlite.prepare(`SELECT COUNT(*) AS n FROM (${sql})`).get(...params) as { n: number }).n;
}

export function mustGet<T>(sqlite: Database.Database, sql: string, key: unknown, what: string): T {
  const row = sqlite.prepare(sql).get(key) as T | undefined;
  if (!row) throw new AppError('NOT_FOUND', `未找到${what}（${String(key)}）`);
  return row;
}

/** A household exists (the supervision forms link to households by id). */
export function assertHousehold(sqlite: Database.Database, householdId: number) {
  mustGet(sqlite, 'SELECT id FROM households WHERE id = ?', householdId, '该户');
}
