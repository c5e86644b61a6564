import type Database from 'better-sqlite3';
import { seededRandom, type Rng } from './random';
import { makeIdNumber } from '../../domain/idNumber';
import { namePinyin } from '../../domain/pinyin';
import { insertRegion } from '../regions/channels';
import type { Category, HouseholdStatus } from '../../domain/glossary';
import { demoExtensions } from './extensions';
import { addMonthsIso } from '../../domain/caseRecord';
import { recordImported, recordImportedPhaseOut } from '../caseRecord/decide';
import { calculationOrNull } from '../caseRecord/tasks';

export interface DemoOptions { seed: number; households: number; townshipRegionId: number; divisionCode: string; today: string }
export interface DemoResult { villages: number; groups: number; households: number; members: number }

const VILLAGES = ['桃源社区', '新街社区', '石桥村', '柳溪村', '青山村', '白鹤村', '双河村', '龙井村', '金竹村', '高桥村', '杨柳村', '红星村'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '邓', '曾', '彭', '蒋'];
const GIVEN_M = ['建国', '志强', '德明', '国华', '永福', '海', '军', '明', '勇', '俊杰', '文斌', '子豪', '浩然', '家树', '长贵', '富贵', '春生', '伟'];
const GIVEN_F = ['秀英', '桂兰', '玉梅', '淑珍', '丽', '芳', '敏', '静', '秀兰', '春花', '雨桐', '梓涵', '欣怡', '翠花', '金凤', '红梅', '小燕', '婷'];

/** Builds a deterministic, realistic township: villages, groups, households, members with valid 身份证号. */
export function generateDemo(sqlite: Database.Database, o: DemoOptions): DemoResult {
  const rng = seededRandom(o.seed);
  const region6 = o.divisionCode.slice(0, 6);
  const villages = VILLAGES.map((name, i) => {
    const id = insertRegion(sqlite, o.townshipRegionId, 'village', name, i + 1);
    const groups = Array.from({ length: rng.int(3, 6) }, (_, g) => insertRegion(sqlite, id, 'group', `${g + 1}组`, g + 1));
    return { id, name, urban: name.endsWith('社区'), groups };
  });
  const ctx = { sqlite, rng, region6, today: o.today, seqByBirth: new Map<string, number>(), members: 0 };
  for (let h = 0; h < o.households; h++) insertHousehold(ctx, rng.pick(villages), h);
  const result = { villages: villages.length, groups: villages.reduce((s, v) => s + v.groups.length, 0), households: o.households, members: ctx.members };
  for (const ext of demoExtensions) ext(sqlite, { rng, today: o.today, region6 });
  return result;
}

interface Ctx { sqlite: Database.Database; rng: Rng; region6: string; today: string; seqByBirth: Map<string, number>; members: number }
interface Village { id: number; name: string; urban: boolean; groups: number[] }

function insertHousehold(c: Ctx, v: Village, index: number) {
  const { rng } = c;
  const category: Category = v.urban
    ? rng.weighted([['城市低保', 80], ['特困供养-分散', 6], ['低保边缘', 8], ['支出型困难', 6]] as const)
    : rng.weighted([['农村低保', 70], ['特困供养-分散', 10], ['特困供养-集中', 4], ['低保边缘', 9], ['支出型困难', 7]] as const);
  const status: HouseholdStatus = rng.weighted([['在保', 80], ['渐退', 3], ['停保', 7], ['申请中', 6], ['未通过', 4]] as const);
  const size = category.startsWith('特困') ? 1 : rng.weighted([[1, 20], [2, 30], [3, 28], [4, 16], [5, 6]] as const);
  const now = new Date().toISOString();
  const startYear = rng.int(2015, 2025);
  const startMonth = status === '申请中' || status === '未通过' ? null : `${startYear}-${String(rng.int(1, 12)).padStart(2, '0')}`;
  const standard = v.urban ? 800 : 620;
  const hh = c.sqlite.prepare(`INSERT INTO households (certificate_no, category, status, village_id, group_id, address, cover_mode, start_month,
    causes, housing, vehicles, property_notes, bank_name, bank_account, monthly_amount_fen, flags, exited_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, '整户保', ?, ?, ?, ?, '', ?, ?, 0, '[]', ?, ?, ?)`).run(
    startMonth ? `${c.region6}${String(index + 1).padStart(5, '0')}` : null, category, status, v.id, rng.pick(v.groups),
    `${v.name}${rng.int(1, 120)}号`, startMonth,
    JSON.stringify([rng.pick(['因病', '因残', '年老体弱', '缺劳力', '因学'] as const)]),
    rng.pick(['自有砖混房', '自有土木房', '租住', '借住亲属房屋'] as const), rng.chance(0.04) ? '有农用三轮车一辆' : '无',
    rng.pick(['农村信用社', '农业银行', '邮政储蓄银行'] as const), `62${String(rng.int(1e8, 9e8))}${String(rng.int(1e8, 9e8))}`,
    status === '停保' ? `${rng.int(2023, 2026)}-0${rng.int(1, 9)}-15` : null, now, now);
  const householdId = Number(hh.lastInsertRowid);
  const memberIds = insertMembers(c, householdId, size);
  c.sqlite.prepare('UPDATE households SET head_member_id = ? WHERE id = ?').run(memberIds[0], householdId);
  const perCapitaIncome = rng.int(0, Math.floor(standard * 0.6));
  settleCase(c, householdId, status, perCapitaIncome * 100, startMonth);
  recordHistory(c, householdId, startMonth);
}

/**
 * Makes the household's case consistent (domain/caseRecord), with no further random draws so the rest of the demo
 * stays as it was: the income that explains the amount is recorded, a paid case whose members have all died was
 * stopped within the 3-month limit, and the case starts with its 建档导入 record (渐退 with its decision).
 */
function settleCase(c: Ctx, householdId: number, drawn: HouseholdStatus, perCapitaFen: number, startMonth: string | null) {
  const living = c.sqlite.prepare("SELECT id FROM members WHERE household_id = ? AND state = '在户' ORDER BY id").pluck().all(householdId) as number[];
  const lastDeath = c.sqlite.prepare("SELECT MAX(death_date) FROM members WHERE household_id = ?").pluck().get(householdId) as string | null;
  const paidDrawn = drawn === '在保' || drawn === '渐退';
  const status: HouseholdStatus = paidDrawn && living.length === 0 ? '停保' : drawn;
  if (status !== drawn) {
    const stopped = minIso(addMonthsIso(lastDeath!, 1), c.today);
    c.sqlite.prepare("UPDATE households SET status = '停保', exited_at = ? WHERE id = ?").run(stopped, householdId);
  }
  const paid = status === '在保' || status === '渐退';
  if (paid && perCapitaFen > 0) {
    c.sqlite.prepare("INSERT INTO income_items (member_id, type, monthly_fen, note) VALUES (?, '工资性收入', ?, '建档时核定')")
      .run(living[0], perCapitaFen * living.length);
  }
  if (status === '申请中') return;
  // 整户保 with no top-ups in the demo rules: the calculation is standard × n − income, exactly this amount.
  const calc = paid ? calculationOrNull(c.sqlite, householdId, c.today) : null;
  const monthlyFen = calc?.amountFen ?? 0;
  c.sqlite.prepare('UPDATE households SET monthly_amount_fen = ? WHERE id = ?').run(monthlyFen, householdId);
  const exited = c.sqlite.prepare('SELECT exited_at FROM households WHERE id = ?').pluck().get(householdId) as string | null;
  const date = status === '停保' && exited ? exited : startMonth ? `${startMonth}-01` : c.today;
  recordImported(c.sqlite, { householdId, date, status: paid ? '在保' : status as '停保' | '未通过', monthlyFen, topUpFen: 0, operator: '李经办' });
  if (status === '渐退') recordImportedPhaseOut(c.sqlite, { householdId, today: c.today, monthlyFen, operator: '李经办', seq: householdId });
}

const minIso = (a: string, b: string) => (a < b ? a : b);

/** The household's timeline as an office would have kept it: 建档, deaths and exits (no extra randomness). */
function recordHistory(c: Ctx, householdId: number, startMonth: string | null) {
  const event = c.sqlite.prepare(`INSERT INTO household_events (household_id, member_id, type, date, reason, operator, payload, created_at)
    VALUES (?, ?, ?, ?, ?, '李经办', '{}', ?)`);
  const now = new Date().toISOString();
  const h = c.sqlite.prepare('SELECT exited_at FROM households WHERE id = ?').get(householdId) as { exited_at: string | null };
  event.run(householdId, null, '建档', startMonth ? `${startMonth}-01` : c.today, '建立低保档案', now);
  const dead = c.sqlite.prepare("SELECT id, death_date FROM members WHERE household_id = ? AND state = '死亡'").all(householdId) as { id: number; death_date: string }[];
  for (const m of dead) event.run(householdId, m.id, '成员死亡', m.death_date, '村委会报告成员死亡', now);
  succeedDeadHead(c, householdId, event, now);
  if (h.exited_at) event.run(householdId, null, '状态变更', h.exited_at, '家庭收入超过保障标准，停止保障', now);
}

/**
 * A head who died in a family with living members was succeeded as the office does it (households.changeHead):
 * the first living member (the spouse, else the eldest child) becomes 户主 on the day of the death, with its event.
 * Without this the demo listed the dead head's name on notices and lists (issue 13: e.g. household 57).
 */
function succeedDeadHead(c: Ctx, householdId: number, event: Database.Statement, now: string) {
  const head = c.sqlite.prepare(`SELECT m.id, m.name, m.death_date AS died FROM households h JOIN members m ON m.id = h.head_member_id
    WHERE h.id = ? AND m.state = '死亡'`).get(householdId) as { id: number; name: string; died: string } | undefined;
  if (!head) return;
  const next = c.sqlite.prepare("SELECT id, name FROM members WHERE household_id = ? AND state = '在户' ORDER BY id LIMIT 1").get(householdId) as
    { id: number; name: string } | undefined;
  if (!next) return;
  c.sqlite.prepare("UPDATE members SET relation = '户主' WHERE id = ?").run(next.id);
  c.sqlite.prepare('UPDATE households SET head_member_id = ? WHERE id = ?').run(next.id, householdId);
  event.run(householdId, next.id, '户主变更', head.died, `原户主${head.name}去世，由${next.name}任户主`, now);
}

function insertMembers(c: Ctx, householdId: number, size: number): number[] {
  const { rng } = c;
  const surname = rng.pick(SURNAMES);
  const headYear = rng.int(1940, 1990);
  const headMale = rng.chance(0.7);
  const plan: { relation: string; male: boolean; year: number; surname: string }[] = [{ relation: '户主', male: headMale, year: headYear, surname }];
  if (size >= 2) plan.push({ relation: '配偶', male: !headMale, year: headYear + rng.int(-3, 3), surname: rng.pick(SURNAMES) });
  const childNames = ['长子', '长女', '次子', '次女'];
  for (let k = 2; k < size; k++) {
    const male = rng.chance(0.5);
    plan.push({ relation: childNames[k - 2].replace(/子|女/, male ? '子' : '女'), male, year: Math.min(headYear + rng.int(22, 32), 2022), surname });
  }
  return plan.map((p) => insertMember(c, householdId, p));
}

function insertMember(c: Ctx, householdId: number, p: { relation: string; male: boolean; year: number; surname: string }): number {
  const { rng } = c;
  const name = p.surname + rng.pick(p.male ? GIVEN_M : GIVEN_F);
  const birth = `${p.year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  // Sequence numbers count per birth date and sex (odd = male), as a real 派出所 assigns them: never a duplicate ID.
  const key = `${birth}${p.male ? 'm' : 'f'}`;
  const n = (c.seqByBirth.get(key) ?? 0) + 1;
  c.seqByBirth.set(key, n);
  const idNumber = makeIdNumber(c.region6, birth, n * 2 - (p.male ? 1 : 0), p.male);
  const disabled = rng.chance(0.08);
  const ill = !disabled && rng.chance(0.1);
  const dead = p.relation === '户主' && p.year < 1950 && rng.chance(0.15);
  const py = namePinyin(name);
  const age = Number(c.today.slice(0, 4)) - p.year;
  const r = c.sqlite.prepare(`INSERT INTO members (household_id, name, id_number, sex, birth_date, relation, covered, health, illness_type,
    disability_type, disability_grade, labour_capacity, employment, school, hukou, phone, state, death_date, pinyin_initials, pinyin_full, created_at)
    VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    householdId, name, idNumber, p.male ? '男' : '女', birth, p.relation,
    disabled ? '残疾' : ill ? '重病' : '健康', ill ? rng.pick(['恶性肿瘤', '尿毒症', '重性精神病'] as const) : '',
    disabled ? rng.pick(['肢体', '智力', '视力', '精神'] as const) : '', disabled ? rng.int(1, 4) : null,
    age >= 60 || disabled || ill ? rng.pick(['部分丧失', '完全丧失'] as const) : age < 16 ? '无' : '有',
    age >= 16 && age < 60 ? rng.pick(['务农', '灵活就业', '外出务工', '无业'] as const) : '',
    age >= 6 && age < 18 ? '在校' : '', '本地农业户口', rng.chance(0.6) ? `13${rng.int(100000000, 999999999)}` : '',
    dead ? '死亡' : '在户', dead ? `${Number(c.today.slice(0, 4)) - rng.int(0, 1)}-0${rng.int(1, 9)}-10` : null,
    py.initials, py.full, new Date().toISOString());
  c.members++;
  return Number(r.lastInsertRowid);
}
