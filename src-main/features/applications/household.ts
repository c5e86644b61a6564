import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { HandlerContext } from '../../ipc/contract';
import { AppError, notFound } from '../../ipc/errors';
import { emit } from '../events';
import { addEvent } from '../households/store';
import { computeBenefit, personTypes, type BenefitResult, type BenefitRules, type MemberInput, type Standard } from '../../domain/benefit';
import { benefitRules, standardFor, type Area } from './settings';

type Sqlite = Database.Database;

/** The household columns this feature reads and, for status and amounts, writes (brief of the households feature). */
export interface HouseholdState {
  id: number; status: string; category: string; coverMode: '整户保' | '单人保'; villageId: number; village: string; group: string;
  headName: string; address: string; monthlyFen: number; topUpFen: number; startMonth: string | null; certificateNo: string | null;
}

export function householdState(sqlite: Sqlite, id: number): HouseholdState {
  const h = prepared(sqlite, `SELECT h.id, h.status, h.category, h.cover_mode AS coverMode, h.village_id AS villageId,
      COALESCE(v.name, '') AS village, COALESCE(g.name, '') AS "group", COALESCE(m.name, '') AS headName, h.address,
      h.monthly_amount_fen AS monthlyFen, h.top_up_fen AS topUpFen, h.start_month AS startMonth, h.certificate_no AS certificateNo
    FROM households h LEFT JOIN regions v ON v.id = h.village_id LEFT JOIN regions g ON g.id = h.group_id
    LEFT JOIN members m ON m.id = h.head_member_id WHERE h.id = ?`).get(id) as HouseholdState | undefined;
  if (!h) throw notFound('户档案', id);
  return h;
}

export const areaOf = (category: string): Area => (category.startsWith('城市') ? '城市' : '农村');

interface MemberFacts { id: number; name: string; relation: string; birthDate: string; covered: number; health: string; school: string; disabilityGrade: number | null }
type IncomeFacts = { monthlyFen: number; excluded: number | boolean; deducted: number | boolean; type: string };

/** One member as the benefit function takes them: cover, person types on the date, active income items. */
export function benefitMember(m: { name: string; covered: number | boolean; birthDate: string; health: string; school: string;
  disabilityGrade: number | null }, incomes: IncomeFacts[], date: string): MemberInput {
  return {
    name: m.name, covered: !!m.covered, types: personTypes(m, date),
    incomes: incomes.map((i) => ({ monthlyFen: i.monthlyFen, excluded: !!i.excluded, deducted: !!i.deducted, label: i.type })),
  };
}

/** Co-resident members (state 在户) with their active income items, as the benefit function takes them. */
export function benefitMembers(sqlite: Sqlite, householdId: number, date: string): MemberInput[] {
  const members = prepared(sqlite, `SELECT id, name, relation, birth_date AS birthDate, covered, health, school, disability_grade AS disabilityGrade
    FROM members WHERE household_id = ? AND state = '在户' ORDER BY id`).all(householdId) as MemberFacts[];
  const incomes = prepared(sqlite, `SELECT monthly_fen AS monthlyFen, excluded, deducted, type FROM income_items WHERE member_id = ? AND active = 1`);
  return members.map((m) => benefitMember(m, incomes.all(m.id) as IncomeFacts[], date));
}

export interface HouseholdCalculation extends BenefitResult { standardYear: string; area: Area; date: string }

/** The settings a calculation reads: the standard in force on a date for an area, and the rules. */
export interface CalculationSettings { standardFor: (date: string, area: Area) => { year: string; standard: Standard } | null; rules: BenefitRules }

export const calculationSettings = (sqlite: Sqlite): CalculationSettings =>
  ({ standardFor: (date, area) => standardFor(sqlite, date, area), rules: benefitRules(sqlite) });

/**
 * The one place that turns a household's facts into its amount: computeBenefit with the standard and rules in force.
 * calculateForHousehold reads the facts from the database; the roster import passes the rows it is writing.
 */
export function calculateFromFacts(h: { category: string; coverMode: '整户保' | '单人保' }, members: MemberInput[], date: string,
  settings: CalculationSettings): HouseholdCalculation {
  const area = areaOf(h.category);
  const std = settings.standardFor(date, area);
  if (!std) throw new AppError('NO_STANDARD', `未设置 ${date.slice(0, 4)} 年${area}低保标准，请在系统设置中填写`);
  const r = computeBenefit({ standard: std.standard, coverMode: h.coverMode, members, rules: settings.rules });
  return { ...r, standardYear: std.year, area, date };
}

/** computeBenefit over the household's current facts and the settings in force on the date. */
export function calculateForHousehold(sqlite: Sqlite, householdId: number, date: string): HouseholdCalculation {
  const h = householdState(sqlite, householdId);
  return calculateFromFacts(h, benefitMembers(sqlite, householdId, date), date, calculationSettings(sqlite));
}

/**
 * Changes a household's status (and amounts), writes its timeline entry and audit row, and emits
 * householdStatusChanged so other features (archive, ledgers) follow.
 */
export function setHouseholdStatus(ctx: HandlerContext, householdId: number, to: string, change: {
  date: string; reason: string; monthlyFen?: number; topUpFen?: number; startMonth?: string | null;
}) {
  const before = householdState(ctx.sqlite, householdId);
  const exited = to === '停保' || to === '未通过' ? change.date : null;
  prepared(ctx.sqlite, `UPDATE households SET status = ?, exited_at = ?, monthly_amount_fen = ?, top_up_fen = ?, start_month = ?, updated_at = ?
    WHERE id = ?`).run(to, exited, change.monthlyFen ?? before.monthlyFen, change.topUpFen ?? before.topUpFen,
    change.startMonth !== undefined ? change.startMonth : before.startMonth, new Date().toISOString(), householdId);
  addEvent(ctx, { householdId, type: '状态变更', date: change.date, reason: change.reason,
    payload: { from: before.status, to, monthlyFen: change.monthlyFen, topUpFen: change.topUpFen } });
  ctx.audit({ entity: 'household', entityId: householdId,
    before: { status: before.status, monthlyFen: before.monthlyFen, topUpFen: before.topUpFen, startMonth: before.startMonth },
    after: { status: to, monthlyFen: change.monthlyFen, topUpFen: change.topUpFen, startMonth: change.startMonth } });
  if (before.status !== to) emit.householdStatusChanged(ctx, { householdId, from: before.status, to, date: change.date, reason: change.reason });
}
