import { z } from 'zod';
import { channel, type HandlerContext } from '../../ipc/contract';
import { isoDate, isoMonth } from '../../ipc/schemas';
import { roleHas } from '../../ipc/permissions';
import { maskAccount } from '../../ipc/mask';
import { computePayroll, type PayLine } from './compute';
import { closeMonth, closeProblems, reopenMonth } from './close';
import { readClosed } from './snapshot';

const period = isoMonth;

/** 身份证号 and accounts are shown in full only to roles with sensitive.read; everyone else sees them masked. */
function maskLine(ctx: HandlerContext, l: PayLine): PayLine {
  if (roleHas(ctx.actor.role, 'sensitive.read')) return l;
  return { ...l, bankAccount: maskAccount(l.bankAccount), headId: l.headId ? `${l.headId.slice(0, 4)}**********${l.headId.slice(-4)}` : '' };
}

export const payrollChannels = {
  'payroll.month': channel({
    title: '月度发放名册（计算或已锁定）：发放对象、变动明细、锁定前校验', permission: 'read', kind: 'query',
    input: z.object({ period, page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(500).default(100),
      search: z.string().trim().max(40).default('') }),
    handler: (ctx, i) => {
      const closed = readClosed(ctx.sqlite, i.period);
      const p = closed ? { ...closed, problems: [] } : computePayroll(ctx.sqlite, i.period);
      const problems = closed ? [] : closeProblems(ctx.sqlite, i.period, p);
      const hits = i.search ? p.lines.filter((l) => l.headName.includes(i.search) || l.village.includes(i.search)) : p.lines;
      const lines = hits.slice((i.page - 1) * i.pageSize, i.page * i.pageSize).map((l) => maskLine(ctx, l));
      return { period: i.period, closed: p.closed, source: p.source, closedOn: p.closedOn, closedByName: p.closedByName, exportedAt: p.exportedAt,
        totals: p.totals, lineCount: hits.length, lines, changes: p.changes, problems };
    },
  }),
  'payroll.months': channel({
    title: '已锁定的月份及解锁记录', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => ({
      months: ctx.sqlite.prepare(`SELECT period, source, closed_on AS closedOn, closed_by_name AS closedByName, households, persons,
        total_fen AS totalFen, adjust_fen AS adjustFen, exported_at AS exportedAt FROM payroll_months ORDER BY period DESC`).all() as
        { period: string; source: string; closedOn: string; closedByName: string; households: number; persons: number; totalFen: number; adjustFen: number; exportedAt: string | null }[],
      reopens: ctx.sqlite.prepare(`SELECT period, reason, display_name AS displayName, previous_total_fen AS previousTotalFen, at
        FROM payroll_reopens ORDER BY id DESC LIMIT 50`).all() as { period: string; reason: string; displayName: string; previousTotalFen: number; at: string }[],
    }),
  }),
  'payroll.close': channel({
    title: '锁定月度发放名册（审核人）', permission: 'case.confirm', kind: 'mutation',
    input: z.object({ period, closedOn: isoDate.optional() }),
    handler: (ctx, i) => closeMonth(ctx, i.period, i.closedOn),
  }),
  'payroll.reopen': channel({
    title: '解锁月度发放名册（管理员，须写明理由，导出报送包前）', permission: 'admin', kind: 'mutation',
    input: z.object({ period, reason: z.string().trim().min(4, '请写明解锁理由（至少 4 个字）').max(500) }),
    handler: (ctx, i) => reopenMonth(ctx, i.period, i.reason),
  }),
};
