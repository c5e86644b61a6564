import { z } from 'zod';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { defineDocument } from '../../../print/document';
import { signatureBlock, titleBlock } from '../../../print/layout';
import { cnDate, yuan } from '../../../print/format';
import { getTownship } from '../../settings/store';
import { notFound } from '../../../ipc/errors';
import { getCase } from '../cases';

interface Person { name: string; id_number: string; relation: string; state: string }

/**
 * 近亲属享受低保情况备案表 (2021办法 art. 11; seed 001): one case, a staff member's or cadre's relative found in
 * a household. Carries full 身份证号 for the county, hence 'sensitive.read'.
 */
export const filingForm = defineDocument({
  name: 'supervision.filing',
  title: '低保经办人员和村(居)委会成员近亲属享受低保备案表',
  public: false,
  permission: 'sensitive.read',
  input: z.object({ matchId: z.number().int().positive() }),
  build(ctx, a) {
    const c = getCase(ctx.sqlite, a.matchId);
    if (!c) throw notFound('备案记录', a.matchId);
    const ids = ctx.sqlite.prepare(`SELECT s.id_number AS staffId, s.term_start AS termStart, s.term_end AS termEnd, r.id_number AS relativeId
      FROM relative_matches x JOIN staff_relatives r ON r.id = x.relative_id JOIN supervised_staff s ON s.id = r.staff_id WHERE x.id = ?`)
      .get(a.matchId) as { staffId: string; termStart: string | null; termEnd: string | null; relativeId: string };
    const members = ctx.sqlite.prepare('SELECT name, id_number, relation, state FROM members WHERE household_id = ? ORDER BY id').all(c.householdId) as Person[];
    const township = getTownship(ctx.sqlite)?.name ?? '';
    const L = (t: string): TableCell => ({ text: t, bold: true, fillColor: '#f3f3f3' });
    const term = [cnDate(ids.termStart), cnDate(ids.termEnd)].filter(Boolean).join(' 至 ');
    const rows: TableCell[][] = [
      [L('人员姓名'), c.staffName, L('人员类别'), c.staffKind],
      [L('身份证号'), ids.staffId, L('单位及职务'), `${c.staffUnit} ${c.staffPost}`.trim()],
      [L('任期'), { text: term || '—', colSpan: 3 }, '', ''],
      [L('近亲属姓名'), c.relativeName, L('与本人关系'), c.relation],
      [L('近亲属身份证号'), ids.relativeId, L('申报日期'), cnDate(c.declaredDate)],
      [L('所在户户主'), c.headName ?? '', L('村（居）'), c.villageName ?? ''],
      [L('保障类别'), c.category, L('家庭状态'), c.householdStatus],
      [L('月保障金（元）'), yuan(c.monthlyAmountFen), L('起始保障年月'), cnDate(c.startMonth)],
      [L('家庭成员'), { text: members.map((m) => `${m.name}（${m.relation}${m.state === '在户' ? '' : `，${m.state}`}）`).join('、'), colSpan: 3 }, '', ''],
      [L('比对发现'), { text: `${cnDate(c.matchedAt.slice(0, 10))}，${c.trigger}时按身份证号比对发现`, colSpan: 3 }, '', ''],
      [L('县级入户核查'), { text: c.countyVisitDate ? `${cnDate(c.countyVisitDate)}　${c.countyVisitBy}` : '', colSpan: 3 }, '', ''],
      [L('乡镇（街道）意见'), { text: '\n\n\n', colSpan: 3 }, '', ''],
      [L('县级备案意见'), { text: c.filedDate ? `已于${cnDate(c.filedDate)}备案。${c.note}` : '\n\n\n', colSpan: 3 }, '', ''],
    ];
    const content: Content[] = [
      ...titleBlock('低保经办人员和村(居)委会成员近亲属享受低保备案表', `${township}　　编号：${c.filingNo || '________'}`),
      { table: { widths: [100, '*', 80, '*'], body: rows, dontBreakRows: true }, fontSize: 11,
        layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 5, paddingBottom: () => 5, paddingLeft: () => 4, paddingRight: () => 4 } },
      signatureBlock({ signers: ['申报人', '经办人'], org: `${township}人民政府（街道办事处）`, date: '____年__月__日', seal: true }),
    ];
    return { content, styles: { title: { fontSize: 15, bold: true, alignment: 'center', margin: [0, 0, 0, 6] } }, fileName: `近亲属备案表-${c.headName ?? c.householdId}`, headerText: '不公开' };
  },
});
