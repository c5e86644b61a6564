import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces';
import { defineDocument } from '../../../print/document';
import { signatureBlock, titleBlock } from '../../../print/layout';
import { AppError, notFound } from '../../../ipc/errors';
import { householdState } from '../household';
import { nextMonth } from '../settings';
import { cnDate, county, paperData, para, payloadOf, township, yuan } from './common';
import { decidingOrg } from '../countyDecision';

const appeal = (countyName: string) =>
  `如对本决定有异议，可自收到本告知书之日起六十日内向${countyName}人民政府申请行政复议，或者六个月内向人民法院提起行政诉讼。`;

function letter(title: string, to: string, body: string[], org: string, date: string): Content[] {
  return [...titleBlock(title), { text: `${to}：`, margin: [0, 12, 0, 8] }, ...body.map(para), signatureBlock({ org, date, seal: true })];
}

/** 不予受理告知书: every missing item listed once (一次性告知). */
export const refuseAcceptNotice = defineDocument({
  name: 'applications.refuseAcceptNotice', title: '最低生活保障申请不予受理告知书', public: false,
  input: z.object({ applicationId: z.number().int().positive() }),
  build(ctx, a) {
    const d = paperData(ctx.sqlite, a.applicationId);
    const step = d.last('refuseAccept');
    if (!step) throw new AppError('VALIDATION', '该申请没有不予受理决定');
    const missing = (payloadOf(step).missing as string[]) ?? [];
    const content = letter('最低生活保障申请不予受理告知书', d.app.applicant_name, [
      `你（户）于${cnDate(d.app.applied_on)}提出的最低生活保障申请，经审查，申请材料不齐全，现一次性告知需补齐的材料如下：`,
      ...missing.map((m, i) => `${i + 1}. ${m}`),
      ...(step.reason ? [`说明：${step.reason}`] : []),
      '补齐上述材料后，可重新提出申请。', appeal(d.county),
    ], `${d.township}人民政府`, cnDate(step.date));
    return { content, fileName: `不予受理告知书-${d.household.headName}` };
  },
});

/** 不予确认告知书 with the reason (2021办法: within 3 working days, in writing). */
export const refuseConfirmNotice = defineDocument({
  name: 'applications.refuseConfirmNotice', title: '最低生活保障不予确认告知书', public: false,
  input: z.object({ applicationId: z.number().int().positive() }),
  build(ctx, a) {
    const d = paperData(ctx.sqlite, a.applicationId);
    const step = d.last('refuseConfirm');
    if (!step) throw new AppError('VALIDATION', '该申请没有不予确认决定');
    const content = letter('最低生活保障不予确认告知书', d.app.applicant_name, [
      `你（户）于${cnDate(d.app.applied_on)}提出的最低生活保障申请，经入户调查、信息核对、公示和审核，决定不予确认。`,
      `理由：${step.reason}`, appeal(d.county),
    ], decidingOrg(ctx.sqlite, d.app, step.id), cnDate(step.date));
    return { content, fileName: `不予确认告知书-${d.household.headName}` };
  },
});

interface ChangeRow { id: number; household_id: number; decision: string; reason: string; date: string; effective_month: string;
  before_amount_fen: number; after_amount_fen: number; before_top_up_fen: number; after_top_up_fen: number; phase_out_end_month: string | null }

function getChange(sqlite: Database.Database, id: number): ChangeRow {
  const c = sqlite.prepare('SELECT * FROM benefit_changes WHERE id = ?').get(id) as ChangeRow | undefined;
  if (!c) throw notFound('变更决定', id);
  return c;
}

/** 减发 / 停发 告知书 for a change decision (2021办法 art. 32: the decision and its reason). */
export const changeNotice = defineDocument({
  name: 'applications.changeNotice', title: '最低生活保障金减发停发告知书', public: false,
  input: z.object({ changeId: z.number().int().positive() }),
  build(ctx, a) {
    const c = getChange(ctx.sqlite, a.changeId);
    if (c.decision !== '减发' && c.decision !== '停保') throw new AppError('VALIDATION', `“${c.decision}”决定不需要减发停发告知书`);
    const h = householdState(ctx.sqlite, c.household_id);
    const stop = c.decision === '停保';
    const title = stop ? '最低生活保障金停发告知书' : '最低生活保障金减发告知书';
    const before = c.before_amount_fen + c.before_top_up_fen;
    const after = c.after_amount_fen + c.after_top_up_fen;
    // Both dates the decision carries: the day it was made (the household is 停保 from then) and the first month
    // no longer paid (payroll pays by effective month), so the notice never seems to contradict the record.
    const lastPaid = nextMonth(`${c.effective_month}-01`, -1);
    const content = letter(title, h.headName, [
      stop ? `经核查，${cnDate(c.date)}决定停止你户最低生活保障（原月保障金 ${yuan(before)} 元），保障金发放至${cnDate(lastPaid)}，自${cnDate(c.effective_month)}起停发。`
        : `经核查，${cnDate(c.date)}决定自${cnDate(c.effective_month)}起将你户月保障金由 ${yuan(before)} 元调整为 ${yuan(after)} 元。`,
      `理由：${c.reason}`, appeal(county(ctx.sqlite)),
    ], `${township(ctx.sqlite)}人民政府`, cnDate(c.date));
    return { content, fileName: `${stop ? '停发' : '减发'}告知书-${h.headName}` };
  },
});
