import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf, ok, testServices } from '../helpers/services';
import { caseAwaitingConfirmation, seedHousehold, zhongshanSettings } from './applications-helpers';
import { outboxPath } from '../../src-main/ipc/files';

type S = ReturnType<typeof testServices>;
const reviewer = actorOf('reviewer');
const clerk = actorOf('clerk');
/** 初审 and 审核确认 by different accounts (applications.separateConfirm, on by default). */
const confirmer = actorOf('reviewer', 'reviewer2');

async function printText(s: S, document: string, args: unknown): Promise<string> {
  const r = await ok(s, 'print.render', { document, args });
  return execFileSync('pdftotext', ['-layout', outboxPath(s.dir, r.outboxName), '-'], { encoding: 'utf8' });
}

describe('审核确认 papers', () => {
  let s: S;
  beforeEach(() => { s = testServices(); zhongshanSettings(s); });
  afterEach(() => s.close());

  it('prints the application, home visit, review record and the 审核确认表 with the amount', async () => {
    const hh = seedHousehold(s, { incomeFen: 210000 });
    const id = await caseAwaitingConfirmation(s, hh, ['张建国', '李秀英']);
    await ok(s, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', opinion: '同意，家庭人均收入低于标准，按补差发放', reason: '入户核实属实',
      county: { decider: '陈科长', unit: '示范县民政局', documentNo: '示民发〔2025〕31号', decidedOn: '2025-10-20' } }, confirmer);

    const form = await printText(s, 'applications.form', { applicationId: id });
    expect(form).toContain('最低生活保障申请书');
    expect(form).toContain('家庭经济状况核对授权书');
    expect(form).toContain('诚信承诺书');
    expect(form).toContain('授权人 李秀英');
    expect(form).not.toContain('授权人 张子豪');
    const visit = await printText(s, 'applications.homeVisit', { applicationId: id });
    expect(visit).toContain('调查人 王调查');
    expect(visit).toContain('在场家庭成员 李秀英');
    expect(await printText(s, 'applications.democraticReview', { applicationId: id })).toContain('同意 3 人，不同意 0 人');
    const table = await printText(s, 'applications.confirmation', { applicationId: id });
    expect(table).toContain('月保障金合计：1640 元（其中分类施保金 440 元），自2025年11月起发放');
    expect(table).toContain('1100 × 3人 − 2100 = 1200元');
    // The reviewer's opinion as typed, then the start month the decision fixed.
    const flat = table.replace(/\s+/g, '');
    expect(flat).toContain('审核确认意见同意，家庭人均收入低于标准，按补差发放；入户');
    expect(flat).toContain('核实属实；自2025年11月起发放'); // the cell wraps beside the name and date columns
  });

  it('prints the 不予受理 notice listing every missing item and the 停发 notice with the reason', async () => {
    const hh = seedHousehold(s);
    const { id } = await ok(s, 'applications.start', { householdId: hh, appliedOn: '2025-09-24' }, clerk);
    await ok(s, 'applications.record', { applicationId: id, kind: 'refuseAccept', date: '2025-09-25', missing: ['户口簿复印件', '收入证明'] }, clerk);
    const notice = await printText(s, 'applications.refuseAcceptNotice', { applicationId: id });
    expect(notice).toContain('1. 户口簿复印件');
    expect(notice).toContain('2. 收入证明');

    const onRoll = seedHousehold(s, { status: '在保', monthlyFen: 60000 });
    const change = await ok(s, 'applications.changeDecision', { householdId: onRoll, decision: '停保', reason: '家庭人均收入超过标准', date: '2026-03-05' }, reviewer);
    const stop = await printText(s, 'applications.changeNotice', { changeId: change.id });
    expect(stop).toContain('最低生活保障金停发告知书');
    expect(stop).toContain('理由：家庭人均收入超过标准');
    const flat = stop.replace(/\s+/g, '');
    expect(flat).toContain('2026年3月5日决定停止你户最低生活保障');
    expect(flat).toContain('保障金发放至2026年3月，自2026年4月起停发');
    // The same decision as the record: status 停保 from its date, payment stopping from its effective month.
    const row = s.handle.sqlite.prepare('SELECT date, effective_month AS m, after_status AS st FROM benefit_changes WHERE id = ?').get(change.id);
    expect(row).toEqual({ date: '2026-03-05', m: '2026-04', st: '停保' });
  });
});
