import { z } from 'zod';
import { channel, type HandlerContext } from '../../ipc/contract';
import { isoDate, isoMonth } from '../../ipc/schemas';
import { roleHas } from '../../ipc/permissions';
import { maskAccount } from '../../ipc/mask';
import { computePayroll, type PayLine } from './compute';
import { closeMonth, closeProblems, reopenMonth } from './close';
import { readClosed } from './snapshot';
import { AppError } from '../../ipc/errors';
import { setSetting } from '../settings/store';
import { validateDestination } from '../ledgers/destination';
import { BANK_FIELDS, templateProblems, type BankField } from '../../domain/bankTemplate';
import { BANK_TEMPLATE_KEY, bankTemplate, writeBankFile } from './bank';
import { importHistory } from './history/import';
import { inboxPath, originalName } from '../../ipc/files';

const bankTemplateInput = z.object({
  name: z.string().trim().min(1, '请填写模板名称').max(40),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.enum(['GBK', 'UTF-8']).default('UTF-8'),
  public: z.boolean().default(false),
  columns: z.array(z.object({ field: z.enum(Object.keys(BANK_FIELDS) as [BankField, ...BankField[]]), header: z.string().trim().min(1, '列标题不能为空').max(20) }))
    .min(1, '模板至少要有一列').max(20),
});

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
  'payroll.bankTemplate': channel({
    title: '银行发放清单模板（列、顺序、格式、编码）', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => ({ template: bankTemplate(ctx.sqlite), fields: BANK_FIELDS }),
  }),
  'payroll.setBankTemplate': channel({
    title: '设置银行发放清单模板（管理员）', permission: 'admin', kind: 'mutation', input: bankTemplateInput,
    handler: (ctx, i) => {
      const problems = templateProblems(i);
      if (problems.length) throw new AppError('VALIDATION', `模板未保存：${problems.join('；')}`, { problems });
      const before = bankTemplate(ctx.sqlite);
      setSetting(ctx.sqlite, BANK_TEMPLATE_KEY, i);
      ctx.audit({ entity: 'setting', entityId: BANK_TEMPLATE_KEY, before, after: i });
      return i;
    },
  }),
  'payroll.bankFile': channel({
    title: '生成银行一卡通发放清单（已锁定月份，含身份证号和账号，只交银行）', permission: 'sensitive.read', kind: 'job',
    input: z.object({ period, destination: z.string().trim().min(1, '请选择保存位置').max(1000) }),
    handler: async (ctx, i) => {
      const dir = validateDestination(i.destination, ctx.dataDir);
      const r = await writeBankFile(ctx.sqlite, i.period, dir, `${i.period}_一卡通发放清单`);
      ctx.tx(() => ctx.audit({ entity: 'payroll_bank_file', entityId: i.period, after: { file: r.file, households: r.households, totalFen: r.totalFen } }));
      return r;
    },
  }),
  'payroll.importHistory': channel({
    title: '导入以前月份的发放表（审核人；试导入列出每个问题行；无误才一次性写入，月份标为“导入”并锁定）', permission: 'case.confirm', kind: 'job',
    input: z.object({ inboxName: z.string().min(1).max(200), dryRun: z.boolean().default(true) }),
    handler: (ctx, i) => importHistory(ctx, inboxPath(ctx.dataDir, i.inboxName), originalName(i.inboxName), i.dryRun),
  }),
  'payroll.reopen': channel({
    title: '解锁月度发放名册（管理员，须写明理由，导出报送包前）', permission: 'admin', kind: 'mutation',
    input: z.object({ period, reason: z.string().trim().min(4, '请写明解锁理由（至少 4 个字）').max(500) }),
    handler: (ctx, i) => reopenMonth(ctx, i.period, i.reason),
  }),
};
