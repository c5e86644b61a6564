import { z } from 'zod';
import type Database from 'better-sqlite3';
import type { Content } from 'pdfmake/interfaces';
import { channel } from '../../ipc/contract';
import { roleHas } from '../../ipc/permissions';
import { newOutboxFile } from '../../ipc/outbox';
import { maskIdNumber } from '../../domain/idNumber';
import { defineDocument } from '../../print/document';
import { dataTable, titleBlock, type Column } from '../../print/layout';
import { cnDate, yuan } from '../../print/format';
import { writeLedgerWorkbook, type LedgerColumn } from '../ledgers/xlsx';
import { getTownship } from '../settings/store';
import { listHouseholds } from './queries';
import { listInput } from './schemas';

/**
 * The household list (户档案) as the clerk filtered it, printed or exported to Excel: the same filter and order
 * as the screen (listHouseholds itself), every matching row. ID numbers are masked for a viewer without
 * sensitive.read, in the PDF and in the workbook alike.
 */
export const listFilter = listInput.omit({ page: true, pageSize: true });
export type ListFilter = z.output<typeof listFilter>;
const ALL = 1_000_000;

export interface ListLine {
  no: number; id: number; headName: string; idNumber: string; place: string; category: string; status: string;
  familySize: number; coveredSize: number; monthlyFen: number; startMonth: string;
}

export function filteredLines(sqlite: Database.Database, f: ListFilter, fullIds: boolean): ListLine[] {
  return listHouseholds(sqlite, { ...f, page: 0, pageSize: ALL }).rows.map((r, i) => ({
    no: i + 1, id: r.id, headName: r.headName, idNumber: fullIds ? r.headIdNumber : maskIdNumber(r.headIdNumber),
    place: `${r.village}${r.group}`, category: r.category, status: r.status, familySize: r.familySize, coveredSize: r.coveredSize,
    monthlyFen: r.monthlyFen, startMonth: r.startMonth ?? '',
  }));
}

/** The filter in words, printed under the title so a sheet says which households it lists. */
export function filterWords(sqlite: Database.Database, f: ListFilter): string {
  const village = f.villageId ? (sqlite.prepare('SELECT name FROM regions WHERE id = ?').get(f.villageId) as { name: string } | undefined)?.name : undefined;
  const parts = [f.q && `检索“${f.q}”`, f.category, f.status, village, f.flag && `标记：${f.flag}`].filter(Boolean);
  return parts.length ? `筛选：${parts.join('，')}` : '全部户';
}

const COLUMNS: LedgerColumn[] = [
  { key: 'no', header: '序号', kind: 'int' }, { key: 'id', header: '档案号', kind: 'int' }, { key: 'headName', header: '户主', width: 8 },
  { key: 'idNumber', header: '户主身份证号', width: 20 }, { key: 'place', header: '村/组', width: 12 }, { key: 'category', header: '保障类别', width: 12 },
  { key: 'status', header: '状态' }, { key: 'familySize', header: '家庭人口', kind: 'int' }, { key: 'coveredSize', header: '保障人口', kind: 'int' },
  { key: 'monthlyFen', header: '月保障金（元）', kind: 'yuan' }, { key: 'startMonth', header: '起始年月', width: 10 },
];

const startWords = (m: string) => (m ? cnDate(m) : '');

export const householdListDocument = defineDocument({
  name: 'households.list',
  title: '户档案列表（按当前筛选）',
  public: false,
  orientation: 'landscape',
  input: listFilter,
  build(ctx, f) {
    const full = roleHas(ctx.actor.role, 'sensitive.read');
    const lines = filteredLines(ctx.sqlite, f, full);
    const t = getTownship(ctx.sqlite)?.name ?? '';
    const c = (header: string, width: Column['width'], align?: Column['align']): Column => ({ header, width, align });
    const cols = [c('序号', 26, 'center'), c('档案号', 36, 'center'), c('户主', 46), c('户主身份证号', 100), c('村/组', '*'), c('保障类别', 60),
      c('状态', 34), c('家庭人口', 34, 'center'), c('保障人口', 34, 'center'), c('月保障金（元）', 54, 'right'), c('起始年月', 56)];
    const body = lines.map((l) => [l.no, l.id, l.headName, l.idNumber, l.place, l.category, l.status, l.familySize, l.coveredSize,
      yuan(l.monthlyFen), startWords(l.startMonth)]);
    const content: Content[] = [...titleBlock(`${t}户档案列表`, `${filterWords(ctx.sqlite, f)} · 共 ${lines.length} 户`), dataTable(cols, body, { fontSize: 9 })];
    // full ID numbers: only accounts that may see them can fetch the printed file from the outbox
    return { content, fileName: '户档案列表', headerText: '不公开', ...(full ? { contains: 'sensitive.read' as const } : {}) };
  },
});

export const householdListChannels = {
  'households.exportList': channel({
    title: '导出户档案列表（按当前筛选，xlsx）', permission: 'read', kind: 'job', input: listFilter,
    handler: async (ctx, f) => {
      const full = roleHas(ctx.actor.role, 'sensitive.read');
      const lines = filteredLines(ctx.sqlite, f, full);
      const t = getTownship(ctx.sqlite)?.name ?? '';
      // A file with full ID numbers can be fetched only by accounts that may see them; a masked one by any.
      const out = newOutboxFile(ctx, `${t}户档案列表.xlsx`, { permission: full ? 'sensitive.read' : 'read' });
      await writeLedgerWorkbook(out.path, [{ name: '户档案列表', title: `${t}户档案列表（${filterWords(ctx.sqlite, f)}）`,
        columns: COLUMNS, rows: lines as unknown as Record<string, string | number>[] }], { cancelled: ctx.cancelled });
      return { outboxName: out.name, rows: lines.length };
    },
  }),
};
