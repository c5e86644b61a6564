import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces';
import { defineDocument } from '../../../print/document';
import { dataTable, signatureBlock, titleBlock } from '../../../print/layout';
import { calculateForHousehold, type HouseholdCalculation } from '../household';
import { localToday } from '../../households/store';
import { cnDate, factsGrid, memberTable, paperData, section, yuan } from './common';
import { countyDecisions, countyDecisionText, decidingOrg } from '../countyDecision';

/** The opinion lines of the 审核确认表: who decided what and when, as recorded (never retyped). */
function opinionRows(d: ReturnType<typeof paperData>, county: ReturnType<typeof countyDecisions>): string[][] {
  const kinds = ['accept', 'homeVisit', 'verifyResult', 'democraticReview', 'preliminary', 'publicityEnd', 'countyVisit', 'confirm', 'refuseConfirm'] as const;
  const label: Record<string, string> = { accept: '受理', homeVisit: '入户调查', verifyResult: '信息核对', democraticReview: '民主评议',
    preliminary: '乡镇初审意见', publicityEnd: '公示结果', countyVisit: '县级入户核查', confirm: '审核确认意见', refuseConfirm: '审核确认意见' };
  return d.steps.filter((s) => (kinds as readonly string[]).includes(s.kind)).map((s) => {
    const p = JSON.parse(s.payload) as Record<string, unknown>;
    const what = s.kind === 'publicityEnd' ? (p.objection ? `有异议：${p.objectionNote ?? ''}` : '公示期满无异议')
      // The reviewer's opinion and reason exactly as typed; the app adds only the facts the decision fixed.
      : s.kind === 'confirm' ? [s.opinion || '同意', s.reason, d.app.start_month ? `自${cnDate(d.app.start_month)}起发放` : ''].filter(Boolean).join('；')
      : s.kind === 'refuseConfirm' ? [s.opinion, `不予确认：${s.reason}`].filter(Boolean).join('；')
      : [s.opinion, s.reason, p.findings, p.result].filter(Boolean).join('；');
    const c = county.get(s.id);
    return [label[s.kind], [what || '已办理', c ? countyDecisionText(c) : ''].filter(Boolean).join('；'), s.display_name, cnDate(s.date)];
  });
}

/** 审核确认表 with the calculation step by step: the confirmed one, or a preview before confirmation. */
export const confirmationForm = defineDocument({
  name: 'applications.confirmation', title: '最低生活保障审核确认表', public: false,
  input: z.object({ applicationId: z.number().int().positive() }),
  build(ctx, a) {
    const d = paperData(ctx.sqlite, a.applicationId);
    const h = d.household;
    const calc: HouseholdCalculation = d.app.calculation ? JSON.parse(d.app.calculation) : calculateForHousehold(ctx.sqlite, h.id, localToday());
    const confirmed = !!d.app.calculation;
    const county = countyDecisions(ctx.sqlite, d.app.id);
    const decision = d.last('confirm') ?? d.last('refuseConfirm');
    const content: Content[] = [
      ...titleBlock('最低生活保障审核确认表', `${d.township} ${h.village}${h.group}　申请编号 ${d.app.id}`),
      factsGrid([['户主', h.headName], ['保障类别', h.category], ['申请日期', cnDate(d.app.applied_on)],
        ['家庭人口 / 保障人口', `${calc.familySize} 人 / ${calc.coveredCount} 人（${h.coverMode}）`],
        ['审核确认规则', `${d.app.rule_set === '2012' ? '2012办法' : '2021办法'}${d.app.delegated ? '（审核确认权限下放乡镇）' : ''}${d.app.near_relative ? '；近亲属单独登记备案' : ''}`]]),
      section('家庭成员'), memberTable(d),
      section(confirmed ? '保障金核算' : '保障金核算（预算，尚未确认）'),
      dataTable([{ header: '项目', width: 130 }, { header: '计算', width: '*' }], calc.steps.map((s) => [s.label, s.formula]), { fontSize: 9.5 }),
      { text: `月保障金合计：${yuan(calc.amountFen)} 元（其中分类施保金 ${yuan(calc.topUpFen)} 元）${confirmed ? `，自${cnDate(d.app.start_month)}起发放` : ''}`,
        bold: true, fontSize: 13, margin: [0, 8, 0, 8] },
      section('办理与审核意见'),
      dataTable([{ header: '环节', width: 70 }, { header: '意见 / 情况', width: '*' }, { header: '经办人', width: 56 }, { header: '日期', width: 76 }], opinionRows(d, county), { fontSize: 9.5 }),
      signatureBlock({ signers: ['经办人', '审核人'], org: decidingOrg(ctx.sqlite, d.app, decision?.id), seal: true,
        date: cnDate(d.last('confirm')?.date ?? null) }),
    ];
    return { content, fileName: `审核确认表-${h.headName}`, headerText: d.township };
  },
});
