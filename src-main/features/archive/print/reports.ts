import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces';
import { defineDocument } from '../../../print/document';
import { dataTable, mm, titleBlock } from '../../../print/layout';
import { cnDate } from '../../../print/format';
import { boxList, type BoxRow } from '../boxes';
import { completenessReport } from '../queries';
import { retentionLabel } from '../rules';
import { ARCHIVE_DOC_TYPES } from '../terms';
import { todayIso, townshipName } from '../terms';

const pad3 = (n: number) => String(n).padStart(3, '0');

/** One spine label (DA/T 22: 全宗号, 年度, 保管期限, 起止件号, 盒号), 40 mm wide to slide into the box's spine. */
function spine(b: BoxRow, township: string): Content {
  const line = (label: string, value: string): Content => ({ stack: [{ text: label, fontSize: 9, color: '#444444' }, { text: value || ' ', fontSize: 12, bold: true }], margin: [0, 0, 0, 8] });
  return {
    width: mm(40),
    table: { widths: ['*'], heights: [mm(150)], body: [[{ stack: [
      { text: `${township}\n最低生活保障档案`, alignment: 'center', bold: true, margin: [0, 6, 0, 14] },
      { text: `${b.village}\n${b.group}`, alignment: 'center', fontSize: 15, bold: true, margin: [0, 0, 0, 18] },
      line('全宗号', b.fondsNo), line('年度', b.years), line('保管期限', (b.retention ?? '').split(',').filter(Boolean).map(retentionLabel).join('、')),
      line('起止件号', `${pad3(b.firstBag)}—${pad3(b.lastBag)}`), line('盒号', b.boxCode),
    ] }]] },
    layout: { hLineWidth: () => 0.8, vLineWidth: () => 0.8 },
  } as Content;
}

/** 档案盒盒脊标签: four spines per landscape page, cut along the lines. */
export const boxSpines = defineDocument({
  name: 'archive.spines', title: '档案盒盒脊标签', public: false, orientation: 'landscape',
  input: z.object({ villageId: z.number().int().positive().optional(), containerKeys: z.array(z.string().max(40)).max(500).optional() }),
  build(ctx, a) {
    const township = townshipName(ctx.sqlite);
    const boxes = boxList(ctx.sqlite, a.villageId).filter((b) => !a.containerKeys || a.containerKeys.includes(b.containerKey));
    const pages: Content[] = [];
    for (let i = 0; i < boxes.length; i += 5) {
      pages.push({ columns: boxes.slice(i, i + 5).map((b) => spine(b, township)), columnGap: mm(6),
        ...(i > 0 ? { pageBreak: 'before' as const } : {}) });
    }
    return { content: pages.length ? pages : [{ text: '没有可打印的档案盒' }], fileName: '盒脊标签' };
  },
});

/** 档案完整性检查表: per village, households complete and the count missing each document (for 听、查、看、访). */
export const completenessSheet = defineDocument({
  name: 'archive.completeness', title: '低保档案完整性检查表', public: false, orientation: 'landscape',
  input: z.object({ villageId: z.number().int().positive().optional() }),
  build(ctx, a) {
    const r = completenessReport(ctx.sqlite, todayIso(), a.villageId);
    const types = ARCHIVE_DOC_TYPES.filter((t) => r.villages.some((v) => v.missing[t]));
    const content: Content[] = [
      ...titleBlock('低保档案完整性检查表', `${townshipName(ctx.sqlite)}　规则：${r.ruleSet}　${cnDate(todayIso())}`),
      dataTable([{ header: '村（居）', width: 70 }, { header: '户数', width: 36, align: 'right' }, { header: '齐全', width: 36, align: 'right' },
        { header: '缺材料', width: 40, align: 'right' }, ...types.map((t) => ({ header: `缺${t}`, width: '*' as const, align: 'right' as const }))],
      r.villages.map((v) => [v.village, v.households, v.complete, v.incomplete, ...types.map((t) => v.missing[t] ?? 0)]), { fontSize: 9 }),
    ];
    if (r.households.length) {
      content.push({ text: '缺材料的户', bold: true, margin: [0, 14, 0, 6] },
        dataTable([{ header: '户主', width: 60 }, { header: '组', width: 40 }, { header: '状态', width: 40 }, { header: '档号', width: 130 }, { header: '缺少的材料', width: '*' }],
          r.households.map((h) => [h.headName, h.group, h.status, h.archiveNo, h.missing.join('、')]), { fontSize: 9 }));
    }
    return { content, fileName: '档案完整性检查表' };
  },
});
