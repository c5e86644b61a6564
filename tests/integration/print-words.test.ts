import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, ok, testServices } from '../helpers/services';
import { caseAwaitingConfirmation, seedHousehold } from './applications-helpers';
import { outboxPath } from '../../src-main/ipc/files';
import { chineseDatesIn } from '../../src-main/domain/dates';

/**
 * Issue 18 item 4: every print kind, rendered for the demo as a real PDF and read back with pdftotext, reads dates as
 * 2026年11月1日 and shows no raw code where a person reads it. printedWordsProblems() is the check; it is itself tested
 * on a planted ISO date and a planted code so it cannot pass on anything.
 */
type S = ReturnType<typeof testServices>;
let s: S;
const clerk = actorOf('clerk');
const reviewer = actorOf('reviewer');
const confirmer = actorOf('reviewer', 'reviewer2');
const county = { decider: '陈科长', unit: '示范县民政局', documentNo: '示民发〔2025〕31号', decidedOn: '2025-10-20' };

/** What a reader must not meet on paper: an ISO date or month, a program value, an identifier, a bare code such as D10. */
const RULES: [string, RegExp][] = [
  ['ISO 日期', /(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/],
  ['ISO 年月', /(?<![\d-])\d{4}-(0[1-9]|1[0-2])(?![\d-])/],
  ['程序值', /\b(null|undefined|NaN|true|false|Invalid Date|\[object \w+\])\b/],
  ['英文标识', /\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+_[a-z_]+\b/],
  ['代码', /(?<![A-Za-z0-9·-])[A-Z]{1,2}\d{1,3}(?![A-Za-z0-9·-])/],
  // a date broken over two lines of a narrow cell (2026年12月2 / 日) is misread; prose may wrap at 月 as any text does
  ['日期折行', /\d{4}年\d{1,2}月\d{1,2}(?![\d日])|(?:^|\s)日(?=\s|$)/],
];

/**
 * Every problem in a print's text, with the line it is on. `own` are identifiers the township set itself and prints
 * under their label (the 全宗号 J001 on covers and spines): those are read as they were entered, not codes to translate.
 */
export function printedWordsProblems(text: string, own: string[] = []): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = own.reduce((l, o) => l.split(o).join('＊'), raw);
    for (const [what, re] of RULES) {
      const m = re.exec(line);
      if (m) out.push(`${what}「${m[0]}」：${raw.trim()}`);
    }
  }
  return out;
}

async function pdfText(document: string, args: unknown): Promise<string> {
  const r = await ok(s, 'print.render', { document, args });
  const file = outboxPath(s.dir, r.outboxName);
  if (process.env.PRINT_WORDS_PNG) { // look at a print: PRINT_WORDS_PNG=/tmp/x npx vitest run … writes page PNGs there
    fs.mkdirSync(process.env.PRINT_WORDS_PNG, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '50', file, `${process.env.PRINT_WORDS_PNG}/${document}`]);
  }
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const one = <T>(sql: string, ...p: unknown[]) => s.handle.sqlite.prepare(sql).get(...p) as T;

/** Cases the demo lacks, made through the channels: one confirmed, one refused at acceptance, one refused at confirmation. */
async function cases() {
  const set = (key: string, value: unknown) => s.handle.sqlite.prepare('INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
    .run(key, JSON.stringify(value), new Date().toISOString());
  const standards = JSON.parse((one<{ value: string } | undefined>("SELECT value FROM settings WHERE key = 'benefit.standards'")?.value) ?? '{}');
  set('benefit.standards', { ...standards, 2025: { 农村: { monthlyFen: 110000 }, 城市: { monthlyFen: 110000 } } });
  const toConfirm = (income: number) => caseAwaitingConfirmation(s, seedHousehold(s, { incomeFen: income }));
  const confirmed = await toConfirm(210000);
  await ok(s, 'applications.confirm', { applicationId: confirmed, kind: 'confirm', date: '2025-10-20', opinion: '同意', county }, confirmer);
  const refusedConfirm = await toConfirm(900000);
  await ok(s, 'applications.confirm', { applicationId: refusedConfirm, kind: 'refuseConfirm', date: '2025-10-20', reason: '家庭人均收入高于标准', county }, confirmer);
  const refusedAccept = (await ok(s, 'applications.start', { householdId: seedHousehold(s), appliedOn: '2025-09-24' }, clerk)).id;
  await ok(s, 'applications.record', { applicationId: refusedAccept, kind: 'refuseAccept', date: '2025-09-25', missing: ['户口簿复印件'] }, clerk);
  const onRoll = seedHousehold(s, { status: '在保', monthlyFen: 60000 });
  const lowered = (await ok(s, 'applications.changeDecision', { householdId: onRoll, decision: '减发', newAmountFen: 30000, reason: '收入增加', date: '2026-03-05' }, reviewer)).id;
  return { confirmed, refusedConfirm, refusedAccept, lowered };
}

/** Every print kind with the arguments it is rendered with for the demo. */
async function everyPrint(): Promise<[string, unknown][]> {
  const c = await cases();
  const village = one<{ id: number }>("SELECT id FROM regions WHERE level = 'village' ORDER BY id").id;
  const bagged = one<{ id: number }>('SELECT household_id AS id FROM archive_bags ORDER BY id').id;
  const campaign = (await ok(s, 'rechecks.campaigns.create', { name: '专项行动', scopeDate: '2026-11-01' })).id as number;
  const campaignVillage = one<{ id: number }>('SELECT village_id AS id FROM campaign_households WHERE campaign_id = ? LIMIT 1', campaign).id;
  const match = (await ok(s, 'supervision.cases.list', { filter: 'current' })).rows[0].id as number;
  const period = one<{ p: string }>('SELECT period AS p FROM payroll_months ORDER BY period DESC LIMIT 1')?.p ?? '2026-10';
  return [
    ['notice.review', { date: '2026-11-02' }], ['notice.confirm', { date: '2026-11-02' }], ['notice.longterm', { villageId: village, date: '2026-11-02' }],
    ['notice.stop', { date: '2026-11-02', fromDate: '2026-01-01', toDate: '2026-11-01' }],
    ['applications.form', { applicationId: c.confirmed }], ['applications.homeVisit', { applicationId: c.confirmed }],
    ['applications.democraticReview', { applicationId: c.confirmed }], ['applications.confirmation', { applicationId: c.confirmed }],
    ['applications.refuseAcceptNotice', { applicationId: c.refusedAccept }], ['applications.refuseConfirmNotice', { applicationId: c.refusedConfirm }],
    ['applications.changeNotice', { changeId: c.lowered }],
    ['archive.cover', { householdId: bagged }], ['archive.catalogue', { householdId: bagged }], ['archive.remarks', { householdId: bagged }],
    ['archive.spines', {}], ['archive.completeness', {}],
    ['rechecks.signoff', { campaignId: campaign, villageId: campaignVillage, filled: false }],
    ['supervision.filing', { matchId: match }], ['supervision.casesLedger', {}], ['supervision.complaintsRegister', {}], ['supervision.custodyRegister', {}],
    ['ledgers.monthlyStats', { period }], ['households.list', {}],
  ];
}

beforeAll(() => { s = testServices({ demo: true, households: 60 }); });
afterAll(() => s.close());

describe('prints read as words for people', () => {
  it('the check finds a planted ISO date, ISO month, code and program value, and passes the Chinese forms', () => {
    expect(printedWordsProblems('公示期：2026-11-02 至 2026年11月9日')).toEqual(['ISO 日期「2026-11-02」：公示期：2026-11-02 至 2026年11月9日']);
    expect(printedWordsProblems('自2026-12起发放')).toHaveLength(1);
    expect(printedWordsProblems('保管期限 D10')).toHaveLength(1);
    expect(printedWordsProblems('类别：undefined')).toHaveLength(1);
    expect(printedWordsProblems('步骤 homeVisit')).toHaveLength(1);
    expect(printedWordsProblems(chineseDatesIn('公示期：2026-11-02 至 2026-11-09，自2026-12起发放'))).toEqual([]);
    expect(printedWordsProblems('档号 J001-DB·2026-D10-0001　监督电话 0838-6201234　第1页 共2页')).toEqual([]);
    expect(printedWordsProblems('全宗号 J001')).toHaveLength(1);
    expect(printedWordsProblems('1  周海  2026年12月2\n           日')).toHaveLength(2);
    expect(printedWordsProblems('全宗号 J001', ['J001'])).toEqual([]);
  });

  it('every print kind of the demo, read back with pdftotext, has no ISO date and no raw code', async () => {
    const prints = await everyPrint();
    const fondsNo = (await ok(s, 'archive.meta', {})).settings.fondsNo as string;
    const problems: string[] = [];
    for (const [document, args] of prints) {
      const text = await pdfText(document, args);
      expect(text.trim().length, `${document} printed nothing`).toBeGreaterThan(20);
      if (process.env.PRINT_WORDS_PNG) fs.writeFileSync(`${process.env.PRINT_WORDS_PNG}/${document}.txt`, text);
      problems.push(...printedWordsProblems(text, [fondsNo]).map((p) => `${document}：${p}`));
    }
    expect(problems).toEqual([]);
    expect(prints.length).toBe(23);
  }, 240_000);

  it('finds an ISO date planted into a real PDF (the path pdftotext → check is not blind to it)', async () => {
    const hh = seedHousehold(s, { status: '在保', monthlyFen: 60000 });
    const change = (await ok(s, 'applications.changeDecision', { householdId: hh, decision: '停保', reason: '收入超过标准', date: '2026-03-05' }, reviewer)).id;
    const clean = await pdfText('applications.changeNotice', { changeId: change });
    expect(printedWordsProblems(clean)).toEqual([]);
    s.handle.sqlite.prepare("UPDATE benefit_changes SET reason = '收入超过标准（2026-03-01 核实）' WHERE id = ?").run(change);
    const planted = await pdfText('applications.changeNotice', { changeId: change });
    expect(printedWordsProblems(planted).join()).toContain('ISO 日期「2026-03-01」');
  });
});
