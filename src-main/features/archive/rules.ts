// Pure archive rules (no I/O): required documents, retention dates, location codes, 档号.
import { ARCHIVE_DOC_TYPES, docCategory, type ArchiveDocType, type ArchiveSettings, type LevelPreset } from './terms';

/** What the completeness rules need to know about a household. */
export interface HouseholdFacts {
  status: string;
  /** Some member in the household has a disability or a serious illness. */
  disabilityOrIllness: boolean;
  /** 单独管理 (near relative of staff or a village cadre). */
  separate: boolean;
  /** First month of benefit (YYYY-MM), null if never paid. */
  startMonth: string | null;
}

type Condition = 'disabilityOrIllness' | 'separate' | 'paidOverAYear';
interface Rule { docType: ArchiveDocType; statuses: readonly string[]; when?: Condition; reason: string }

const ALL = ['申请中', '在保', '渐退', '停保', '未通过'];
const DECIDED = ['在保', '渐退', '停保', '未通过'];
const APPROVED = ['在保', '渐退', '停保'];

const RULES_2021: Rule[] = [
  { docType: '申请书', statuses: ALL, reason: '书面申请（2021办法第八条）' },
  { docType: '授权书/诚信承诺', statuses: ALL, reason: '家庭经济状况核对授权书与诚信承诺' },
  { docType: '户口簿/身份证复印件', statuses: ALL, reason: '户籍与身份证明' },
  { docType: '收入证明', statuses: ALL, reason: '家庭收入与财产情况' },
  { docType: '残疾证/病历', statuses: ALL, when: 'disabilityOrIllness', reason: '家庭成员有残疾或重病' },
  { docType: '入户调查表', statuses: DECIDED, reason: '已作出决定的须有入户调查' },
  { docType: '公示记录及照片', statuses: APPROVED, reason: '初审意见公示 7 天的记录' },
  { docType: '审核确认表', statuses: DECIDED, reason: '审核确认（审批）表' },
  { docType: '近亲属备案表', statuses: ALL, when: 'separate', reason: '近亲属单独登记备案' },
  { docType: '复核记录/签字表', statuses: ['在保', '渐退'], when: 'paidOverAYear', reason: '享受满一年须有复核记录' },
  { docType: '告知书', statuses: ['停保', '未通过'], reason: '停保或不予确认须书面告知理由' },
];

/** 2012办法 (older files, LOCAL): 民主评议 was mandatory for every decided case. */
const RULES_2012: Rule[] = [
  ...RULES_2021,
  { docType: '民主评议记录', statuses: DECIDED, reason: '2012办法：调查后须民主评议' },
];

export const RULE_TABLE: Record<string, Rule[]> = { '2021办法': RULES_2021, '2012办法': RULES_2012 };

function monthsBetween(fromMonth: string, today: string): number {
  const [fy, fm] = fromMonth.split('-').map(Number);
  const [ty, tm] = today.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

function holds(c: Condition | undefined, f: HouseholdFacts, today: string): boolean {
  if (!c) return true;
  if (c === 'disabilityOrIllness') return f.disabilityOrIllness;
  if (c === 'separate') return f.separate;
  return f.startMonth != null && monthsBetween(f.startMonth, today) >= 12;
}

export interface MissingDoc { docType: ArchiveDocType; reason: string }

/** The documents this household's bag must hold but does not, in bag order. */
export function missingDocuments(f: HouseholdFacts, filed: Iterable<string>, ruleSet: string, today: string): MissingDoc[] {
  const have = new Set(filed);
  const rules = RULE_TABLE[ruleSet] ?? RULES_2021;
  return rules
    .filter((r) => r.statuses.includes(f.status) && holds(r.when, f, today) && !have.has(r.docType))
    .sort((a, b) => ARCHIVE_DOC_TYPES.indexOf(a.docType) - ARCHIVE_DOC_TYPES.indexOf(b.docType))
    .map((r) => ({ docType: r.docType, reason: r.reason }));
}

/** ISO date + n years; 29 Feb falls back to 28 Feb in a common year. */
export function addYears(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const year = y + n;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Retention end of an exited bag: 审批类 N years after the exit, longer if it holds 日常管理类 files. */
export function retentionUntil(exitedAt: string | null, docTypes: Iterable<string>, s: Pick<ArchiveSettings, 'approvalYears' | 'dailyYears'>): string | null {
  if (!exitedAt) return null;
  const hasDaily = [...docTypes].some((t) => docCategory(t) === '日常管理类');
  return addYears(exitedAt, hasDaily ? Math.max(s.approvalYears, s.dailyYears) : s.approvalYears);
}

export interface Place { township: string; villageName: string; villageRank: number; groupName: string | null; groupRank: number; villageId: number; groupId: number | null }
export interface Location { containerKey: string; cabinetNo: number; boxNo: number }

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Which box a household's bag goes to, for the level preset. */
export function containerFor(p: Place, levels: LevelPreset): Location {
  if (levels === 'cabinet-box-bag') return { containerKey: `v${p.villageId}`, cabinetNo: 1, boxNo: p.villageRank };
  return { containerKey: `v${p.villageId}-g${p.groupId ?? 0}`, cabinetNo: p.villageRank, boxNo: p.groupId ? p.groupRank : 0 };
}

/** The code written on the bag and its plain-words label. */
export function locationText(p: Place, loc: Location, bagNo: number, levels: LevelPreset): { code: string; label: string } {
  if (levels === 'cabinet-box-bag') {
    return { code: `${loc.cabinetNo}-${pad(loc.boxNo, 2)}-${pad(bagNo, 3)}`,
      label: `${p.township}档案柜 · ${p.villageName}盒（${pad(loc.boxNo, 2)}） · 第${bagNo}档` };
  }
  const group = p.groupName ? `${p.groupName}盒` : '未分组盒';
  return { code: `1-${pad(loc.cabinetNo, 2)}-${pad(loc.boxNo, 2)}-${pad(bagNo, 3)}`,
    label: `${p.township}档案室 · ${p.villageName}柜（${pad(loc.cabinetNo, 2)}） · ${group}（${pad(loc.boxNo, 2)}） · 第${bagNo}袋` };
}

/**
 * The 保管期限 in words for a print (DA/T 22 codes: Y 永久, C 长期, D30/D10 定期30年/10年); a code the office made
 * up prints as typed. The code itself stays inside the 档号, where it belongs.
 */
export function retentionLabel(code: string): string {
  const c = code.trim().toUpperCase();
  if (c === 'Y') return '永久';
  if (c === 'C') return '长期';
  const d = /^D(\d{1,3})$/.exec(c);
  return d ? `定期${Number(d[1])}年` : code;
}

/** 档号 from the pattern setting: {全宗号} {年度} {保管期限} {件号} (4 digits). */
export function formatArchiveNo(pattern: string, v: { fondsNo: string; year: number; retentionCode: string; pieceNo: number }): string {
  return pattern.replaceAll('{全宗号}', v.fondsNo).replaceAll('{年度}', String(v.year))
    .replaceAll('{保管期限}', v.retentionCode).replaceAll('{件号}', pad(v.pieceNo, 4));
}

/** Arranges catalogue entries in bag order (type order, then date) and numbers their pages 1…N. */
export function arrange<T extends { docType: string; date: string; id: number; pages: number }>(items: T[]): (T & { seq: number; pageRange: string })[] {
  const order = (t: string) => { const i = ARCHIVE_DOC_TYPES.indexOf(t as ArchiveDocType); return i < 0 ? ARCHIVE_DOC_TYPES.length : i; };
  const sorted = [...items].sort((a, b) => order(a.docType) - order(b.docType) || a.date.localeCompare(b.date) || a.id - b.id);
  let page = 1;
  return sorted.map((it, i) => {
    const first = page;
    page += Math.max(it.pages, 1);
    const last = page - 1;
    return { ...it, seq: i + 1, pageRange: first === last ? String(first) : `${first}-${last}` };
  });
}

/** Days a borrowed bag is overdue on `today` (0 if not). */
export function overdueDays(dueDate: string, today: string): number {
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}
