/**
 * Seed 001's nine key recheck categories (重点复核对象) and what the app can suggest from a household's data.
 * A suggestion is a hint for the team, never a finding: the team ticks the categories that hold.
 */

export const KEY_CATEGORIES = [
  { code: 1, label: '低保对象已死亡' },
  { code: 2, label: '有家庭成员领取养老保险金' },
  { code: 3, label: '有家庭成员领取失业保险金' },
  { code: 4, label: '有家庭成员缴纳住房公积金' },
  { code: 5, label: '购买有小轿车、货车、客车等机动车辆' },
  { code: 6, label: '有营业用房、车库、仓库、2套及以上住房' },
  { code: 7, label: '离异、迁出、人户分离、毕业已就业' },
  { code: 8, label: '家庭收入达到保障标准或生活水平明显超出' },
  { code: 9, label: '其它不符合保障条件的' },
] as const;
export type KeyCategoryCode = (typeof KEY_CATEGORIES)[number]['code'];

export interface FlagSuggestion { code: KeyCategoryCode; reason: string }

export interface FlagMember { name: string; state: string; deathDate: string | null; hukou: string; employment: string; school: string; covered: boolean }
export interface FlagIncome { memberName: string; type: string; note: string; monthlyFen: number; excluded: boolean; deducted: boolean }
export interface FlagFacts {
  vehicles: string;
  housing: string;
  propertyNotes: string;
  members: FlagMember[];
  incomes: FlagIncome[];
  /** Monthly standard per person in fen for the household's category; null when unknown. */
  standardFen: number | null;
}

// 城乡居民基本养老保险 is not counted as income (十四五) but a 职工养老金 / 退休金 is: both are worth a look.
const PENSION = /养老|退休/;
const UNEMPLOYMENT = /失业/;
const HOUSING_FUND = /公积金/;
// 农用三轮车 or an electric bike is not what the seed means; cars, trucks and buses are.
const MOTOR_VEHICLE = /轿车|汽车|货车|客车|面包车|越野车|皮卡|SUV|机动车|卡车|挂车/i;
const PREMISES = /营业用房|门面|商铺|铺面|车库|仓库|厂房/;
const HOUSE_COUNT = /([2-9]|两|二|三|四|五|多)\s*(套|处|栋|幢)/;
const MOVED = /人户分离|迁出|离异|离婚/;
const EMPLOYED_GRADUATE = /毕业.*就业|已就业|参加工作/;

const livingOrDead = (m: FlagMember) => m.state === '在户' || m.state === '死亡';

/** What the data suggests; each suggestion names the member or text it came from. */
export function suggestFlags(f: FlagFacts): FlagSuggestion[] {
  const out: FlagSuggestion[] = [];
  for (const m of f.members.filter((x) => x.state === '死亡')) {
    out.push({ code: 1, reason: `${m.name}${m.deathDate ? `于${m.deathDate}` : ''}死亡` });
  }
  const incomeHit = (code: KeyCategoryCode, re: RegExp) => {
    for (const i of f.incomes) if (re.test(i.type) || re.test(i.note)) out.push({ code, reason: `${i.memberName}：${i.type}` });
  };
  incomeHit(2, PENSION);
  incomeHit(3, UNEMPLOYMENT);
  incomeHit(4, HOUSING_FUND);
  for (const m of f.members) if (HOUSING_FUND.test(m.employment)) out.push({ code: 4, reason: `${m.name}：${m.employment}` });
  if (MOTOR_VEHICLE.test(f.vehicles)) out.push({ code: 5, reason: `车辆：${f.vehicles}` });
  const property = `${f.housing} ${f.propertyNotes}`;
  if (PREMISES.test(property) || HOUSE_COUNT.test(property)) out.push({ code: 6, reason: `房产：${property.trim()}` });
  for (const m of f.members) {
    if (m.state === '迁出' || m.state === '移出') out.push({ code: 7, reason: `${m.name}已${m.state}` });
    else if (livingOrDead(m) && MOVED.test(m.hukou)) out.push({ code: 7, reason: `${m.name}：${m.hukou}` });
    else if (EMPLOYED_GRADUATE.test(`${m.school} ${m.employment}`)) out.push({ code: 7, reason: `${m.name}：${m.employment || m.school}` });
  }
  const perCapita = perCapitaIncomeFen(f);
  if (f.standardFen != null && perCapita != null && perCapita >= f.standardFen) {
    out.push({ code: 8, reason: `人均收入 ${(perCapita / 100).toFixed(2)} 元 ≥ 标准 ${(f.standardFen / 100).toFixed(2)} 元` });
  }
  return out;
}

/** Counted monthly income per living member (unrounded fen), or null for a household with nobody living. */
export function perCapitaIncomeFen(f: Pick<FlagFacts, 'members' | 'incomes'>): number | null {
  const living = f.members.filter((m) => m.state === '在户').length;
  if (living === 0) return null;
  return f.incomes.filter((i) => !i.excluded).reduce((s, i) => s + (i.deducted ? -i.monthlyFen : i.monthlyFen), 0) / living;
}

export const categoryLabel = (code: number) => KEY_CATEGORIES.find((c) => c.code === code)?.label ?? `第${code}类`;
