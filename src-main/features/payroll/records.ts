import type Database from 'better-sqlite3';
import type { Decision } from '../../domain/payroll';

type Sqlite = Database.Database;

/**
 * The decision records of every household, as domain/payroll takes them. Two writers exist (the applications
 * feature's 审核确认 and its change decisions in benefit_changes); both are read here and nowhere else, so the
 * payroll, the statistics and the checks agree on what was decided. A household kept from before the app (demo,
 * roster import) has no 审核确认 record: its 建档 state applies from its 起始保障年月 — the amounts before its
 * first change decision if there is one, otherwise what the household carries.
 */
export interface DecisionBook {
  byHousehold: Map<number, Decision[]>;
  /** When each decision was recorded (ISO), to find decisions made after their month was closed. */
  recordedAt: Map<string, string>;
}

interface ConfirmRow { id: number; household_id: number; amount_fen: number; top_up_fen: number | null; start_month: string; date: string; created_at: string }
interface ChangeRow {
  id: number; household_id: number; decision: string; source: string; date: string; effective_month: string; after_status: string;
  before_status: string; before_amount_fen: number; after_amount_fen: number; before_top_up_fen: number; after_top_up_fen: number;
  phase_out_end_month: string | null; created_at: string;
}
interface BaselineRow { id: number; status: string; start_month: string | null; monthly_amount_fen: number; top_up_fen: number; created_at: string }

const KINDS = new Set(['维持', '增发', '减发', '停保', '渐退']);
/** benefit_changes rows the case-record feature writes for an existing case brought in (roster import, demo). */
const IMPORTED = '建档导入';

export function loadDecisions(sqlite: Sqlite, householdIds?: number[]): DecisionBook {
  const only = householdIds ? `AND household_id IN (SELECT value FROM json_each(@ids))` : '';
  const p = householdIds ? { ids: JSON.stringify(householdIds) } : {};
  const confirms = sqlite.prepare(`SELECT a.id, a.household_id, a.amount_fen, a.top_up_fen, a.start_month, s.date, s.created_at
    FROM applications a JOIN application_steps s ON s.application_id = a.id AND s.kind = 'confirm'
    WHERE a.stage = '已确认' AND a.start_month IS NOT NULL AND a.amount_fen IS NOT NULL ${only.replace('household_id', 'a.household_id')}`).all(p) as ConfirmRow[];
  const changes = sqlite.prepare(`SELECT id, household_id, decision, source, date, effective_month, after_status, before_status, before_amount_fen,
    after_amount_fen, before_top_up_fen, after_top_up_fen, phase_out_end_month, created_at FROM benefit_changes WHERE 1 = 1 ${only} ORDER BY id`).all(p) as ChangeRow[];
  const households = sqlite.prepare(`SELECT id, status, start_month, monthly_amount_fen, top_up_fen, created_at FROM households
    WHERE 1 = 1 ${only.replace('household_id', 'id')}`).all(p) as BaselineRow[];

  const raw = new Map<number, { d: Omit<Decision, 'seq'>; at: string; order: number }[]>();
  const add = (hid: number, d: Omit<Decision, 'seq'>, at: string, order: number) => {
    let list = raw.get(hid);
    if (!list) raw.set(hid, (list = []));
    list.push({ d, at, order });
  };
  for (const c of confirms) {
    const topUp = c.top_up_fen ?? 0;
    add(c.household_id, { ref: `confirm:${c.id}`, label: `审核确认（申请编号 ${c.id}）`, kind: '审核确认', date: c.date, effectiveMonth: c.start_month,
      status: '在保', baseFen: c.amount_fen - topUp, topUpFen: topUp, phaseOutEndMonth: null }, c.created_at, c.id);
  }
  const firstChange = new Map<number, ChangeRow>();
  for (const c of changes) {
    if (!firstChange.has(c.household_id)) firstChange.set(c.household_id, c);
    // Only 在保 and 渐退 are paid; 停保, 未通过 (a 建档导入 of a refused case) and anything else is not.
    const status = c.after_status === '在保' ? '在保' : c.after_status === '渐退' ? '渐退' : '停保';
    const label = c.decision === IMPORTED ? `建档导入（编号 ${c.id}）` : `${c.decision}决定（编号 ${c.id}${c.source && c.source !== c.decision ? `，${c.source}` : ''}）`;
    add(c.household_id, { ref: `change:${c.id}`, label,
      kind: (c.decision === IMPORTED ? '建档' : KINDS.has(c.decision) ? c.decision : '维持') as Decision['kind'], date: c.date, effectiveMonth: c.effective_month, status,
      baseFen: c.after_amount_fen, topUpFen: c.after_top_up_fen, phaseOutEndMonth: c.phase_out_end_month }, c.created_at, 1e9 + c.id);
  }
  for (const h of households) {
    const list = raw.get(h.id) ?? [];
    if (!h.start_month || list.some((x) => x.d.kind === '审核确认' || x.d.kind === '建档')) continue;
    const first = firstChange.get(h.id);
    const status = first ? first.before_status : h.status;
    const paidStatus = status === '在保' || status === '渐退';
    add(h.id, { ref: `baseline:${h.id}`, label: `建档记录（${h.start_month} 起保障）`, kind: '建档', date: `${h.start_month}-01`,
      effectiveMonth: h.start_month, status: paidStatus ? (status as '在保' | '渐退') : '停保',
      baseFen: first ? first.before_amount_fen : h.monthly_amount_fen, topUpFen: first ? first.before_top_up_fen : h.top_up_fen,
      phaseOutEndMonth: null }, '', -1);
  }
  const byHousehold = new Map<number, Decision[]>();
  const recordedAt = new Map<string, string>();
  for (const [hid, list] of raw) {
    list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
    byHousehold.set(hid, list.map((x, i) => ({ ...x.d, seq: i })));
    for (const x of list) recordedAt.set(x.d.ref, x.at);
  }
  return { byHousehold, recordedAt };
}
