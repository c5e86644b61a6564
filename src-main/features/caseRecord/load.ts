import type Database from 'better-sqlite3';
import { computeBenefit, personTypes, type MemberInput } from '../../domain/benefit';
import { parseIdNumber } from '../../domain/idNumber';
import type { DecisionKind, DecisionRecord, HouseholdRecord, OpenTask, RecordMember, TaskKind } from '../../domain/caseRecord';
import { areaOf } from '../applications/household';
import { benefitRules, standardFor } from '../applications/settings';
import { CLOSED_SQL } from '../applications/cases';

type Sqlite = Database.Database;

/**
 * Reads the case records the rules of domain/caseRecord run on, with one query per table (not per household), so
 * `check` over 40,000 households stays a few seconds. `ids` limits it to some households (the page, a task).
 */
export function loadCaseRecords(sqlite: Sqlite, today: string, ids?: number[]): HouseholdRecord[] {
  const only = ids ? `IN (SELECT value FROM json_each('${JSON.stringify(ids.map(Number))}'))` : 'IS NOT NULL';
  const households = sqlite.prepare(`SELECT h.id, h.status, h.category, h.cover_mode AS coverMode, h.monthly_amount_fen AS monthlyFen,
      h.top_up_fen AS topUpFen, h.head_member_id AS headMemberId, COALESCE(v.name, '') || COALESCE(g.name, '') AS place, COALESCE(m.name, '') AS head
    FROM households h LEFT JOIN regions v ON v.id = h.village_id LEFT JOIN regions g ON g.id = h.group_id
    LEFT JOIN members m ON m.id = h.head_member_id WHERE h.id ${only} ORDER BY h.id`).all() as {
    id: number; status: string; category: string; coverMode: '整户保' | '单人保'; monthlyFen: number; topUpFen: number; headMemberId: number | null;
    place: string; head: string }[];
  const members = group(sqlite.prepare(`SELECT id, household_id AS hid, name, id_number AS idNumber, state, covered, birth_date AS birthDate,
      health, school, disability_grade AS disabilityGrade FROM members WHERE household_id ${only} ORDER BY id`).all() as MemberRow[]);
  const incomes = group(sqlite.prepare(`SELECT i.member_id AS hid, i.monthly_fen AS monthlyFen, i.excluded, i.deducted, i.type FROM income_items i
      JOIN members m ON m.id = i.member_id WHERE i.active = 1 AND m.household_id ${only}`).all() as IncomeRow[]);
  const decisions = group([...changeDecisions(sqlite, only), ...procedureDecisions(sqlite, only)]);
  const tasks = group(sqlite.prepare(`SELECT household_id AS hid, kind, due_date AS dueDate FROM case_tasks
      WHERE state = 'open' AND household_id ${only}`).all() as (OpenTask & { hid: number })[]);
  const openApps = new Set((sqlite.prepare(`SELECT household_id FROM applications WHERE stage NOT IN (${CLOSED_SQL}) AND household_id ${only}`)
    .pluck().all() as number[]));
  const calc = calculator(sqlite, today);
  return households.map((h) => {
    const ms = members.get(h.id) ?? [];
    return {
      id: h.id, label: `${h.place} ${h.head}户（档案号 ${h.id}）`, status: h.status, monthlyFen: h.monthlyFen, topUpFen: h.topUpFen,
      members: ms.map(toRecordMember), decisions: decisions.get(h.id) ?? [],
      calcFen: h.status === '在保' || h.status === '渐退' ? calc(h, ms, incomes) : null,
      openTasks: (tasks.get(h.id) ?? []).map((t) => ({ kind: t.kind as TaskKind, dueDate: t.dueDate })),
      openApplication: openApps.has(h.id), headMemberId: h.headMemberId,
    };
  });
}

interface MemberRow { id: number; hid: number; name: string; idNumber: string; state: string; covered: number; birthDate: string;
  health: string; school: string; disabilityGrade: number | null }
interface IncomeRow { hid: number; monthlyFen: number; excluded: number; deducted: number; type: string }

function group<T extends { hid: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) { const l = m.get(r.hid); if (l) l.push(r); else m.set(r.hid, [r]); }
  return m;
}

/** One person, one key: the normalized 18-digit ID (a 15-digit or lowercase-x copy of the same person matches). */
export function idKey(raw: string): string {
  if (/^\d{17}[\dX]$/.test(raw)) return raw; // stored form (the store normalizes); skips the check-digit work
  const r = parseIdNumber(raw);
  return r.ok ? r.value.id : String(raw).trim().toUpperCase();
}

const toRecordMember = (m: MemberRow): RecordMember =>
  ({ id: m.id, name: m.name, idKey: idKey(m.idNumber), state: m.state, covered: !!m.covered });

/** The calculation over today's facts, as applications/household calculateForHousehold makes it, from rows already read. */
function calculator(sqlite: Sqlite, today: string) {
  const rules = benefitRules(sqlite);
  const std = { 城市: standardFor(sqlite, today, '城市'), 农村: standardFor(sqlite, today, '农村') };
  return (h: { category: string; coverMode: '整户保' | '单人保' }, ms: MemberRow[], incomes: Map<number, IncomeRow[]>): number | null => {
    const s = std[areaOf(h.category)];
    if (!s) return null;
    const members: MemberInput[] = ms.filter((m) => m.state === '在户').map((m) => ({
      name: m.name, covered: !!m.covered, types: personTypes(m, today),
      incomes: (incomes.get(m.id) ?? []).map((i) => ({ monthlyFen: i.monthlyFen, excluded: !!i.excluded, deducted: !!i.deducted, label: i.type })),
    }));
    return computeBenefit({ standard: s.standard, coverMode: h.coverMode, members, rules }).amountFen;
  };
}

function changeDecisions(sqlite: Sqlite, only: string): (DecisionRecord & { hid: number })[] {
  const rows = sqlite.prepare(`SELECT id, household_id AS hid, decision, created_at AS at, date, after_status AS status,
      after_amount_fen AS monthlyFen, after_top_up_fen AS topUpFen, calc_fen AS calcFen, covered_count AS coveredCount,
      effective_month AS effectiveMonth, phase_out_end_month AS phaseOutEnd FROM benefit_changes WHERE household_id ${only} ORDER BY id`).all() as
    (Omit<DecisionRecord, 'kind' | 'ref'> & { id: number; hid: number; decision: DecisionKind })[];
  return rows.map(({ id, decision, ...r }) => ({ ...r, kind: decision, ref: `${decision === '更正' ? '更正' : decision === '建档导入' ? '建档导入' : '变更决定'} ${id}` }));
}

const STEP_DECISION: Record<string, { kind: DecisionKind; status: string }> = {
  apply: { kind: '申请', status: '申请中' }, confirm: { kind: '审核确认', status: '在保' },
  refuseAccept: { kind: '不予确认', status: '未通过' }, refuseConfirm: { kind: '不予确认', status: '未通过' },
};

function procedureDecisions(sqlite: Sqlite, only: string): (DecisionRecord & { hid: number })[] {
  const rows = sqlite.prepare(`SELECT a.id, a.household_id AS hid, s.kind, s.created_at AS at, s.date, a.amount_fen AS amountFen,
      a.top_up_fen AS topUpFen, json_extract(a.calculation, '$.coveredCount') AS coveredCount FROM application_steps s
    JOIN applications a ON a.id = s.application_id WHERE s.kind IN ('apply', 'confirm', 'refuseAccept', 'refuseConfirm') AND a.household_id ${only}`)
    .all() as { id: number; hid: number; kind: string; at: string; date: string; amountFen: number | null; topUpFen: number | null; coveredCount: number | null }[];
  return rows.map((r) => {
    const d = STEP_DECISION[r.kind];
    const confirmed = r.kind === 'confirm';
    return {
      hid: r.hid, kind: d.kind, status: d.status, at: r.at, date: r.date, ref: `申请 ${r.id}`,
      monthlyFen: confirmed ? (r.amountFen ?? 0) - (r.topUpFen ?? 0) : null, topUpFen: confirmed ? r.topUpFen ?? 0 : null,
      calcFen: confirmed ? r.amountFen : null, coveredCount: confirmed ? r.coveredCount : null,
    };
  });
}
