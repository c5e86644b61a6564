import { z } from 'zod';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { defineDocument, type PrintContext } from '../../../print/document';
import { dataTable, titleBlock } from '../../../print/layout';
import { cnDate } from '../../../print/format';
import { AppError } from '../../../ipc/errors';
import { bagDetail } from '../queries';
import { todayIso, townshipName } from '../terms';
import { retentionLabel } from '../rules';

const input = z.object({ householdId: z.number().int().positive() });

/** The bag with its catalogue; a household without a bag cannot be printed (assign bags first). */
function load(ctx: PrintContext, householdId: number) {
  const d = bagDetail(ctx.sqlite, householdId, todayIso());
  if (!d.bag) throw new AppError('NOT_FOUND', '该户还没有档案袋，请先“补建档案袋”');
  const township = townshipName(ctx.sqlite);
  const dates = d.items.map((i) => i.date).sort();
  const pages = d.items.reduce((s, i) => s + Math.max(i.pages, 1), 0);
  const title = `${township}${d.household.village}${d.household.group}${d.household.headName}户最低生活保障档案`;
  return { ...d, bag: d.bag, township, title, pages, from: dates[0] ?? '', to: dates[dates.length - 1] ?? '' };
}

const grid = (rows: TableCell[][], widths: (number | string)[]): Content => ({
  table: { widths, body: rows }, fontSize: 13,
  layout: { hLineWidth: () => 0.8, vLineWidth: () => 0.8, paddingTop: () => 9, paddingBottom: () => 9, paddingLeft: () => 6, paddingRight: () => 6 },
});
const L = (t: string): TableCell => ({ text: t, bold: true });

/** 案卷封面 (GB/T 9705 style): 全宗号, 档号, 题名, 起止日期, 页数, 保管期限, 立卷单位, and where the bag sits. */
export const bagCover = defineDocument({
  name: 'archive.cover', title: '案卷封面', public: false, input,
  build(ctx, a) {
    const b = load(ctx, a.householdId);
    const content: Content[] = [
      { text: b.separate ? '单独管理' : ' ', alignment: 'right', bold: true, color: '#b00000', fontSize: 14 },
      { text: '最低生活保障档案', style: 'title', fontSize: 26, margin: [0, 40, 0, 40] },
      grid([
        [L('全宗号'), b.bag.fondsNo, L('档号'), b.bag.archiveNo],
        [L('案卷题名'), { text: b.title, colSpan: 3 }, '', ''],
        [L('立卷单位'), { text: `${b.township}人民政府（民政办）`, colSpan: 3 }, '', ''],
        [L('起止日期'), { text: b.from ? `${cnDate(b.from)} 至 ${cnDate(b.to)}` : '', colSpan: 3 }, '', ''],
        [L('卷内文件'), `${b.items.length} 件　${b.pages} 页`, L('保管期限'), retentionLabel(b.bag.retentionCode)],
        [L('年度'), String(b.bag.year), L('状态'), b.bag.status + (b.retentionUntil ? `（保管至${cnDate(b.retentionUntil)}）` : '')],
        [L('存放位置'), { text: `${b.bag.locationCode}\n${b.bag.locationLabel}`, colSpan: 3 }, '', ''],
      ], [64, 96, 64, '*']),
    ];
    return { content, fileName: `案卷封面-${b.household.headName}-${b.bag.archiveNo}` };
  },
});

/** 卷内目录: 序号, 文号, 责任者, 题名, 日期, 页号, 备注 (GB/T 9705), in bag order. */
export const bagCatalogue = defineDocument({
  name: 'archive.catalogue', title: '卷内目录', public: false, input,
  build(ctx, a) {
    const b = load(ctx, a.householdId);
    const rows = b.items.map((i) => [i.seq, i.docNo, i.responsible, i.title, cnDate(i.date), i.pageRange, i.note]);
    const content: Content[] = [
      ...titleBlock('卷内目录', `档号：${b.bag.archiveNo}　　${b.household.village}${b.household.group} ${b.household.headName}户`),
      dataTable([
        { header: '序号', width: 26, align: 'center' }, { header: '文号', width: 44 }, { header: '责任者', width: 60 },
        { header: '题名', width: '*' }, { header: '日期', width: 84, align: 'center' }, { header: '页号', width: 40, align: 'center' },
        { header: '备注', width: 36 },
      ], rows.length ? rows : [['', '', '', '（卷内尚无文件）', '', '', '']]),
    ];
    return { content, fileName: `卷内目录-${b.household.headName}-${b.bag.archiveNo}` };
  },
});

/** 备考表: the count of files and pages, the 情况说明, 立卷人, 检查人 and date. */
export const bagRemarks = defineDocument({
  name: 'archive.remarks', title: '卷内备考表', public: false, input,
  build(ctx, a) {
    const b = load(ctx, a.householdId);
    const missing = b.missing.length ? `尚缺材料：${b.missing.map((m) => m.docType).join('、')}。` : '';
    const text = `本卷共有文件 ${b.items.length} 件，共 ${b.pages} 页。${b.bag.remark}${b.bag.remark ? '' : missing}`;
    const content: Content[] = [
      ...titleBlock('卷内备考表', `档号：${b.bag.archiveNo}`),
      grid([
        [{ text: '情况说明：', bold: true }],
        [{ text: text, margin: [0, 0, 0, 260] }],
        [{ columns: [`立卷人：${b.bag.filedBy}`, `检查人：${b.bag.checkedBy}`, `立卷时间：${cnDate(b.bag.remarkDate)}`] }],
      ], ['*']),
    ];
    return { content, fileName: `备考表-${b.household.headName}-${b.bag.archiveNo}` };
  },
});
