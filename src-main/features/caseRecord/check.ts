import type Database from 'better-sqlite3';
import type { Check } from '../../cli/checks';
import { caseFindings, personsInTwoHouseholds, RULES, type Finding, type RuleId } from '../../domain/caseRecord';
import { localToday } from '../../domain/dates';
import { phaseOutMaxMonths } from '../applications/settings';
import { loadCaseRecords } from './load';

export interface CaseCheckResult { households: number; findings: Finding[]; byRule: Partial<Record<RuleId, number>>; ms: number }

/** Runs every case-record rule over the households (all, or `ids`); one person in two households is checked over all. */
export function runCaseCheck(sqlite: Database.Database, today = localToday(), ids?: number[]): CaseCheckResult {
  const t0 = performance.now();
  const records = loadCaseRecords(sqlite, today, ids);
  const max = phaseOutMaxMonths(sqlite);
  const findings = records.flatMap((h) => caseFindings(h, today, max));
  const everyone = ids ? loadCaseRecords(sqlite, today).map((h) => ({ id: h.id, label: h.label, members: h.members })) : records;
  const wanted = ids ? new Set(ids) : null;
  findings.push(...personsInTwoHouseholds(everyone).filter((f) => !wanted || wanted.has(f.householdId)));
  findings.sort((a, b) => a.householdId - b.householdId || a.rule.localeCompare(b.rule));
  const byRule: CaseCheckResult['byRule'] = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return { households: records.length, findings, byRule, ms: Math.round(performance.now() - t0) };
}

/** `cli check`: each household and the rule it breaks, e.g. "石桥村3组 张三户（档案号 12）：在保或渐退，但没有在世的保障对象". */
export const caseRecordCheck: Check = (s, at) => {
  const r = runCaseCheck(s.handle.sqlite, at?.today ?? localToday());
  return {
    name: `户档案一致性（${Object.keys(RULES).length} 条规则）`, ok: r.findings.length === 0,
    details: { households: r.households, findings: r.findings.length, ms: r.ms,
      problems: r.findings.map((f) => `${f.label}：${f.ruleName}（${f.detail}）`) },
  };
};
