import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces';
import { defineDocument, type DocBody, type PrintContext } from '../../print/document';
import { dataTable, signatureBlock, titleBlock, type Column } from '../../print/layout';
import { cnDate, yuan } from '../../print/format';
import { localToday } from '../households/store';
import { addDays } from '../../domain/workdays';
import { getRegion } from '../regions/channels';
import { id, isoDate, isoMonth } from '../households/schemas';
import { noticeRuns, scopeVillages, type NoticeRow, type Selection, type VillageRun } from './queries';
import { NOTICE_TITLES, periodEnd, type NoticeKind } from './rules';
import { noticeSettings } from './settings';


/** One village or one group or (neither) all villages; `date` = the first day of posting (default today). */
export const scopeInput = z.object({ villageId: id.optional(), groupId: id.optional(), date: isoDate.optional() });
const confirmInput = scopeInput.extend({ fromMonth: isoMonth.optional(), toMonth: isoMonth.optional() });
const stopInput = scopeInput.extend({ fromDate: isoDate.optional(), toDate: isoDate.optional() });

type Settings = ReturnType<typeof noticeSettings>;
interface Period { start: string; end: string | null }

/**
 * Who confirmed the households on a 确认公布 page: the township government for a delegated case, the county unit
 * its decision names otherwise (the county's 民政局 for a household confirmed before cases were kept here).
 */
export function decidersOf(rows: readonly Pick<NoticeRow, 'decidedBy'>[], s: Pick<Settings, 'township' | 'county'>): string {
  const name = (d: string | null) => (d === 'township' ? `${s.township}人民政府` : d || `${s.county}民政局`);
  const all = [...new Set((rows.length ? rows : [{ decidedBy: null }]).map((r) => name(r.decidedBy)))];
  return all.join('、');
}

function intro(kind: NoticeKind, s: Settings, village: string, p: Period, sel: Selection, rows: NoticeRow[]): string {
  const range = `公示期为${cnDate(p.start)}至${cnDate(p.end)}（共${s.periodDays}天）`;
  switch (kind) {
    case '初审公示': return `根据《最低生活保障审核确认办法》（民发〔2021〕57号）规定，经入户调查、信息核对，${s.issuer}对下列申请家庭提出初审意见，拟给予最低生活保障，现予公示。${range}。如有异议，请于公示期内向${s.issuer}反映。`;
    case '确认公布': return `经${decidersOf(rows, s)}审核确认，下列家庭${sel.fromMonth ? `自${cnDate(sel.fromMonth)}起` : ''}纳入最低生活保障，现予公布，接受群众监督。${range}。`;
    case '长期公示': return `现将${village}享受最低生活保障的家庭予以长期公示，接受群众监督。公示日期：${cnDate(p.start)}起。`;
    case '停保公示': return `经复核，下列家庭已不再符合最低生活保障条件，停止发放最低生活保障金，现予公示。${range}。如有异议，请于公示期内向${s.issuer}反映。`;
  }
}

function columns(kind: NoticeKind, s: Settings): { cols: Column[]; cells: (r: NoticeRow, i: number) => string[] } {
  const amountHeader = kind === '初审公示' ? '拟月保障金额（元）' : '月保障金额（元）';
  const cat = s.showCategory;
  if (kind === '停保公示') {
    return {
      cols: [{ header: '序号', width: 22, align: 'center' }, { header: '户主姓名', width: '*' }, { header: '家庭人口', width: 44, align: 'center' },
        ...(cat ? [{ header: '类别', width: 72 } as Column] : []), { header: '村/组', width: '*' }, { header: '停保日期', width: 80, align: 'center' }],
      cells: (r, i) => [String(i + 1), r.headName, String(r.familySize), ...(cat ? [r.category] : []), r.place, cnDate(r.exitedAt)],
    };
  }
  return {
    cols: [{ header: '序号', width: 22, align: 'center' }, { header: '户主（申请人）姓名', width: '*' }, { header: '家庭人口', width: 44, align: 'center' },
      { header: '保障人口', width: 44, align: 'center' }, { header: amountHeader, width: 62, align: 'right' },
      ...(cat ? [{ header: '类别', width: 72 } as Column] : []), { header: '村/组', width: '*' }],
    cells: (r, i) => [String(i + 1), r.headName, String(r.familySize), String(r.coveredSize),
      kind === '初审公示' && r.amountFen === 0 ? '待核定' : yuan(r.amountFen), ...(cat ? [r.category] : []), r.place],
  };
}

function summary(kind: NoticeKind, rows: NoticeRow[]): string {
  const people = rows.reduce((n, r) => n + r.familySize, 0);
  if (kind === '停保公示') return `合计：${rows.length}户，${people}人。`;
  const covered = rows.reduce((n, r) => n + r.coveredSize, 0);
  const fen = rows.reduce((n, r) => n + r.amountFen, 0);
  // a 初审公示 may list amounts still 待核定: a total would mislead
  if (kind === '初审公示') return `合计：${rows.length}户，家庭人口${people}人，保障人口${covered}人。`;
  return `合计：${rows.length}户，家庭人口${people}人，保障人口${covered}人，月保障金额${yuan(fen)}元。`;
}

function villagePage(kind: NoticeKind, s: Settings, run: VillageRun, p: Period, sel: Selection): Content[] {
  const { cols, cells } = columns(kind, s);
  const masked = run.rows.some((r) => r.nameWithheld);
  return [
    { text: `${s.township}${run.villageName}`, alignment: 'center', fontSize: 14 },
    ...titleBlock(NOTICE_TITLES[kind]),
    { text: intro(kind, s, run.villageName, p, sel, run.rows), style: 'note', leadingIndent: 21, margin: [0, 0, 0, 8] },
    run.rows.length ? dataTable(cols, run.rows.map(cells)) : { text: '本期无公示对象。', alignment: 'center', margin: [0, 12] },
    signatureBlock({ org: s.issuer, date: cnDate(p.start), seal: true, lead: [
      ...(run.rows.length ? [{ text: summary(kind, run.rows), style: 'note', margin: [0, 6, 0, 0] } as Content] : []),
      ...(masked ? [{ text: '注：户主为未成年人的，依法不公开其姓名。', style: 'small', margin: [0, 4, 0, 0] } as Content] : []),
      ...(s.complaintPhone ? [{ text: `监督举报电话：${s.complaintPhone}（${s.issuer}）`, style: 'note', margin: [0, 6, 0, 0] } as Content] : []),
    ] }),
  ];
}

/**
 * Without an explicit range, 确认公布 lists cover that starts from last month to next month (payment starts
 * the month after confirmation) and 停保公示 lists stops in the 30 days before the posting day.
 */
function defaultRange(kind: NoticeKind, start: string): Selection {
  if (kind === '确认公布') return { fromMonth: addDays(start, -30).slice(0, 7), toMonth: addDays(start, 31).slice(0, 7) };
  if (kind === '停保公示') return { fromDate: addDays(start, -30), toDate: start };
  return {};
}
const stripUndefined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * The selection a notice prints with: the posting day, the village of a chosen group, and the kind's default
 * range where none was given. The preview and the PDF both take it from here, so they list the same households
 * (the 停保公示 preview once counted every stop ever while the PDF listed the last 30 days).
 */
export function noticeSelection(sqlite: PrintContext['sqlite'], kind: NoticeKind, args: Selection & { date?: string }): { sel: Selection; start: string } {
  const sel: Selection = { ...stripUndefined(args) };
  delete (sel as { date?: string }).date;
  if (sel.groupId && !sel.villageId) sel.villageId = getRegion(sqlite, sel.groupId).parent_id ?? undefined;
  const start = args.date ?? localToday();
  return { sel: { ...defaultRange(kind, start), ...sel }, start };
}

/** Builds a notice: one page run per village in scope (an empty named village still prints its page). */
export function buildNotice(kind: NoticeKind, ctx: PrintContext, args: Selection & { date?: string }): DocBody {
  const { sel, start } = noticeSelection(ctx.sqlite, kind, args);
  const s = noticeSettings(ctx.sqlite);
  const period: Period = { start, end: kind === '长期公示' ? null : periodEnd(start, s.periodDays) };
  const found = new Map(noticeRuns(ctx.sqlite, kind, sel, start).map((r) => [r.villageId, r]));
  const runs = sel.villageId
    ? scopeVillages(ctx.sqlite, sel).map((v) => found.get(v.id) ?? { villageId: v.id, villageName: v.name, rows: [] })
    : [...found.values()];
  if (runs.length === 0) runs.push({ villageId: 0, villageName: '', rows: [] });
  const where = sel.villageId ? runs[0]!.villageName : '全部村';
  return {
    content: runs.map((run) => villagePage(kind, s, run, period, sel)),
    pageRuns: true,
    runUnit: '村',
    footerText: `${s.township}${NOTICE_TITLES[kind]}`,
    fileName: `${where}${kind}-${start}`,
    publicNumbers: s.complaintPhone ? [s.complaintPhone] : [],
  };
}

export const noticeDocuments = [
  defineDocument({ name: 'notice.review', title: '初审公示', input: scopeInput, public: true, build: (ctx, a) => buildNotice('初审公示', ctx, a) }),
  defineDocument({ name: 'notice.confirm', title: '确认公布', input: confirmInput, public: true, build: (ctx, a) => buildNotice('确认公布', ctx, a) }),
  defineDocument({ name: 'notice.longterm', title: '长期公示', input: scopeInput, public: true, build: (ctx, a) => buildNotice('长期公示', ctx, a) }),
  defineDocument({ name: 'notice.stop', title: '停保公示', input: stopInput, public: true, build: (ctx, a) => buildNotice('停保公示', ctx, a) }),
];

export const NOTICE_DOCUMENT: Record<NoticeKind, string> = {
  初审公示: 'notice.review', 确认公布: 'notice.confirm', 长期公示: 'notice.longterm', 停保公示: 'notice.stop',
};
