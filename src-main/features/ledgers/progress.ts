import type Database from 'better-sqlite3';
import { tableExists } from './registry';
import { monthEnd, monthStart } from './period';

/**
 * Seed 002's 进展情况统计表, every item in the seed's order (当月数据，不累计). An item the app can count from its
 * records has count(); the others are entered by the office per month (stats_entries) and kept with the month.
 * A counted item whose tables are missing shows 无数据.
 */
export interface ProgressItem {
  key: string;
  section: string;
  label: string;
  unit: '人' | '户' | '件' | '人次' | '个' | '次' | '日期';
  tables?: string[];
  count?(sqlite: Database.Database, from: string, to: string): number;
}

export const SECTIONS = ['精准对照兜底保障职责落实情况', '精准关注动态监测对象情况', '精准排查摸清救助对象情况', '精准聚焦工作作风问题专项治理情况', '精准排查数据预警情况'] as const;
const [DUTY, MONITOR, SURVEY, CONDUCT, ALERT] = SECTIONS;

const n = (sqlite: Database.Database, sql: string, ...p: unknown[]) => (sqlite.prepare(sql).pluck().get(...p) as number | null) ?? 0;

/** Covered persons of households whose 审核确认 is dated in the month, in a category group. */
const newlyConfirmed = (categories: string[]) => (sqlite: Database.Database, from: string, to: string) =>
  n(sqlite, `SELECT COUNT(*) FROM members m WHERE m.state = '在户' AND m.covered = 1 AND m.household_id IN (
    SELECT a.household_id FROM applications a JOIN application_steps s ON s.application_id = a.id AND s.kind = 'confirm'
    JOIN households h ON h.id = a.household_id WHERE a.stage = '已确认' AND s.date BETWEEN ? AND ?
    AND h.category IN (${categories.map(() => '?').join(',')}))`, from, to, ...categories);

/** Covered persons of the households rechecked (a visit of one of these kinds) in the month. */
const recheckedPersons = (kinds: string[]) => (sqlite: Database.Database, from: string, to: string) =>
  n(sqlite, `SELECT COUNT(*) FROM members m WHERE m.state = '在户' AND m.covered = 1 AND m.household_id IN (
    SELECT household_id FROM recheck_records WHERE date BETWEEN ? AND ? AND kind IN (${kinds.map(() => '?').join(',')}))`, from, to, ...kinds);

const entered = (key: string, section: string, label: string, unit: ProgressItem['unit']): ProgressItem => ({ key, section, label, unit });

export const progressItems: ProgressItem[] = [
  entered('meetingDate', DUTY, '本乡镇召开会议部署推进社会救助保障落实（召开日期）', '日期'),
  { key: 'newUrban', section: DUTY, label: '当月新纳入城镇低保对象', unit: '人', tables: ['applications'], count: newlyConfirmed(['城市低保']) },
  { key: 'newRural', section: DUTY, label: '当月新纳入农村低保对象', unit: '人', tables: ['applications'], count: newlyConfirmed(['农村低保']) },
  entered('tekunToCare', DUTY, '安排特困老人入住养老机构', '人'),
  entered('tekunVisited', DUTY, '走访探视分散特困老人', '人'),
  entered('povertyToDibao', DUTY, '将符合条件的脱贫人口纳入城乡低保', '人'),
  entered('povertyToTekun', DUTY, '将符合条件的脱贫人口纳入特困供养', '人'),
  entered('povertyTemporary', DUTY, '对符合条件的脱贫人口实施临时救助', '人次'),
  entered('monitorToDibao', DUTY, '将符合条件的防止返贫监测对象纳入城乡低保', '人'),
  entered('monitorToTekun', DUTY, '将符合条件的防止返贫监测对象纳入特困供养', '人'),
  entered('monitorTemporary', DUTY, '对符合条件的防止返贫监测对象实施临时救助', '人次'),
  entered('markedLowIncome', MONITOR, '当月底在社会救助信息管理系统对低收入人口进行标记（共计）', '人'),
  entered('markedMonitor', MONITOR, '其中：乡村振兴防贫监测对象标记', '人'),
  entered('markedMedical', MONITOR, '其中：大额医疗支出对象标记', '人'),
  entered('markedGraduate', MONITOR, '其中：困难毕业生对象标记', '人'),
  entered('markedHousing', MONITOR, '其中：住房救助标记', '人'),
  entered('markedDisabled', MONITOR, '其中：残联重残对象标记', '人'),
  entered('markedRelocated', MONITOR, '其中：易地搬迁对象标记', '人'),
  // 经济状况核对 is run in the county's 核对系统 (seed 002: 至少每半年对在享人员核对排查1次), which the app keeps no record
  // of: entered, not counted. Counting it from recheck_records gave nearly the 入户核查 number below from the same rows.
  entered('economicCheck', MONITOR, '对在享低保、特困救助对象进行经济状况核对', '人'),
  { key: 'homeCheck', section: MONITOR, label: '对救助对象开展实地入户核查', unit: '人', tables: ['recheck_records'], count: recheckedPersons(['定期复核', '死亡复核', '专项复核']) },
  { key: 'suspectsChecked', section: SURVEY, label: '当月对动态监测风险预警对象开展精准入户排查', unit: '人', tables: ['suspect_tasks'],
    count: (s, f, t) => n(s, 'SELECT COUNT(DISTINCT id_number) FROM suspect_tasks WHERE check_date BETWEEN ? AND ?', f, t) },
  { key: 'newApplicantsVisited', section: SURVEY, label: '乡镇人民政府对新审核认定对象进行入户调查', unit: '人', tables: ['application_steps'],
    count: (s, f, t) => n(s, `SELECT COUNT(*) FROM members m WHERE m.state = '在户' AND m.household_id IN (SELECT a.household_id FROM applications a
      JOIN application_steps st ON st.application_id = a.id AND st.kind = 'homeVisit' WHERE st.date BETWEEN ? AND ?)`, f, t) },
  entered('onlineApplications', CONDUCT, '当月底受理网上自助申请', '件'),
  { key: 'relativesFiled', section: CONDUCT, label: '进行近亲属备案对象', unit: '人', tables: ['relative_matches'],
    count: (s, f, t) => n(s, 'SELECT COUNT(DISTINCT member_id) FROM relative_matches WHERE filed_date BETWEEN ? AND ?', f, t) },
  entered('favouritismFixed', CONDUCT, '整治“人情保”“关系保”、优亲厚友、吃拿卡要问题', '个'),
  { key: 'cluesTransferred', section: CONDUCT, label: '配合纪检部门移交问题线索', unit: '件', tables: ['complaints'],
    count: (s, f, t) => n(s, 'SELECT COUNT(*) FROM complaints WHERE transferred_date BETWEEN ? AND ?', f, t) },
  entered('educated', CONDUCT, '批评教育帮助', '人'),
  entered('casesPublished', CONDUCT, '通报典型违纪违法案例', '件'),
  entered('warningSessions', CONDUCT, '开展警示教育', '次'),
  entered('alertMarked', ALERT, '当月在社会救助信息管理系统对核对数据预警进行标记（共计）', '人'),
  entered('alertDibao', ALERT, '其中：低保标记', '人'),
  entered('alertTekun', ALERT, '其中：特困标记', '人'),
  entered('alertEdge', ALERT, '其中：低保边缘户', '人'),
  entered('alertExpense', ALERT, '其中：支出型困难家庭', '人'),
];

export interface ProgressValue {
  key: string; section: string; label: string; unit: string;
  /** A count, an entered number, an entered date ('M月D日'), or null when not counted/entered. */
  value: number | string | null;
  source: '系统统计' | '填报';
}

/** The month's items: counted ones from the records, entered ones from stats_entries. */
export function progressFor(sqlite: Database.Database, period: string): ProgressValue[] {
  const from = monthStart(period), to = monthEnd(period);
  const entries = enteredValues(sqlite, period);
  return progressItems.map((i) => ({ key: i.key, section: i.section, label: i.label, unit: i.unit, source: i.count ? '系统统计' : '填报',
    value: i.count ? ((i.tables ?? []).every((t) => tableExists(sqlite, t)) ? i.count(sqlite, from, to) : null) : entries.get(i.key) ?? null }));
}

/** A frozen list (from a closed month) with the entered values as they stand now. */
export function withEntries(sqlite: Database.Database, period: string, frozen: ProgressValue[]): ProgressValue[] {
  const entries = enteredValues(sqlite, period);
  return frozen.map((p) => (p.source === '填报' ? { ...p, value: entries.get(p.key) ?? null } : p));
}

function enteredValues(sqlite: Database.Database, period: string): Map<string, number | string> {
  if (!tableExists(sqlite, 'stats_entries')) return new Map();
  const rows = sqlite.prepare('SELECT key, value FROM stats_entries WHERE period = ?').all(period) as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, /^\d+$/.test(r.value) ? Number(r.value) : r.value]));
}

/** Validates one entered value: a whole number ≥ 0, or for the meeting a date 'M月D日' within the month. */
export function enteredValueProblem(key: string, value: string): string | null {
  const item = progressItems.find((i) => i.key === key);
  if (!item || item.count) return `“${key}”不是需要填报的项目`;
  if (item.unit === '日期') return /^(1[0-2]|[1-9])月([12]\d|3[01]|[1-9])日$/.test(value) ? null : `${item.label}应填写如“7月5日”`;
  return /^\d{1,7}$/.test(value) ? null : `${item.label}应为不小于 0 的整数`;
}
