import { CATEGORIES, LABOUR_CAPACITY, POVERTY_CAUSES } from '../../domain/glossary';

/**
 * Pure rules of the monthly statistics table (德化-style): the row shape, 当月人均补助额 and the cross-checks
 * that must hold before the table goes to the county. No I/O here.
 */
export interface StatsRow {
  category: string;
  households: number; persons: number; men: number; women: number; elderly: number; minors: number; disabled: number;
  labour: Record<string, number>;
  causes: Record<string, number>;
  newHouseholds: number; newPersons: number; exitHouseholds: number; exitPersons: number;
  fundsFen: number; ytdFen: number;
  /** 当月人均补助额 in whole 元 = round(funds ÷ persons). */
  perCapitaYuan: number;
}

export interface StatsCheck { name: string; ok: boolean; detail: string }

/** round(funds ÷ persons) in 元, from fen, rounded once at the end: 202647 元 ÷ 326 人 → 622. */
export function perCapitaYuan(fundsFen: number, persons: number): number {
  return persons > 0 ? Math.round(fundsFen / persons / 100) : 0;
}

export function emptyRow(category: string): StatsRow {
  return {
    category, households: 0, persons: 0, men: 0, women: 0, elderly: 0, minors: 0, disabled: 0,
    labour: Object.fromEntries(LABOUR_CAPACITY.map((k) => [k, 0])), causes: Object.fromEntries(POVERTY_CAUSES.map((k) => [k, 0])),
    newHouseholds: 0, newPersons: 0, exitHouseholds: 0, exitPersons: 0, fundsFen: 0, ytdFen: 0, perCapitaYuan: 0,
  };
}

export const CATEGORY_ROWS: readonly string[] = CATEGORIES;

const SCALARS = ['households', 'persons', 'men', 'women', 'elderly', 'minors', 'disabled', 'newHouseholds', 'newPersons',
  'exitHouseholds', 'exitPersons', 'fundsFen', 'ytdFen'] as const;

export const FIELD_LABELS: Record<(typeof SCALARS)[number], string> = {
  households: '户数', persons: '人数', men: '男', women: '女', elderly: '老年人', minors: '未成年人', disabled: '残疾人',
  newHouseholds: '当月新增户数', newPersons: '当月新增人数', exitHouseholds: '当月退出户数', exitPersons: '当月退出人数',
  fundsFen: '当月发放资金', ytdFen: '本年累计发放资金',
};

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

/**
 * The checks shown before export. `total` is counted independently of the category rows (separate queries),
 * so "parts add up to the total" is a real check; `unrecorded` names values outside the glossary lists.
 */
export interface Unrecorded { labour: number; causes: number; /** 村 户主 of paid households without a covered person. */ emptyHouseholds: string[] }

export function crossChecks(rows: StatsRow[], total: StatsRow, unrecorded: Unrecorded): StatsCheck[] {
  const checks: StatsCheck[] = [];
  for (const f of SCALARS) {
    const parts = rows.reduce((a, r) => a + r[f], 0);
    checks.push({ name: `各类别${FIELD_LABELS[f]}之和等于合计`, ok: parts === total[f],
      detail: parts === total[f] ? `${parts}` : `各类别之和 ${parts}，合计 ${total[f]}：有记录的保障类别不在统计表的类别中，请在户档案中更正保障类别` });
  }
  const all = [...rows, total];
  const failing = (pred: (r: StatsRow) => boolean) => all.filter((r) => r.households + r.persons > 0 && !pred(r)).map((r) => r.category);
  const add = (name: string, bad: string[], why: string) =>
    checks.push({ name, ok: bad.length === 0, detail: bad.length === 0 ? '相符' : `${bad.join('、')}：${why}` });
  add('男女人数之和等于人数', failing((r) => r.men + r.women === r.persons), '有成员的性别未填写为“男”或“女”');
  add('劳动能力各项之和等于人数', failing((r) => sum(r.labour) === r.persons),
    `有 ${unrecorded.labour} 人的劳动能力不是“${Object.keys(total.labour).join('、')}”之一，请在户档案中更正`);
  add('致贫原因各项之和等于户数', failing((r) => sum(r.causes) === r.households),
    `有 ${unrecorded.causes} 户的主要致贫原因不在统计口径内，请在户档案中更正`);
  add('老年人、未成年人之和不超过人数', failing((r) => r.elderly + r.minors <= r.persons), '年龄分组超过总人数，请检查出生日期');
  add('女性、残疾人不超过人数', failing((r) => r.women <= r.persons && r.disabled <= r.persons), '分项人数超过总人数');
  const empty = unrecorded.emptyHouseholds;
  checks.push({ name: '每户至少一名保障对象', ok: empty.length === 0, detail: empty.length === 0 ? '相符'
    : `有 ${empty.length} 户在保户没有保障对象（成员均已死亡、迁出或未纳入保障），请复核这些户：${empty.slice(0, 10).join('、')}${empty.length > 10 ? ' 等' : ''}` });
  add('当月新增不超过在保总数', failing((r) => r.newHouseholds <= r.households && r.newPersons <= r.persons), '新增数超过在保数');
  return checks;
}
