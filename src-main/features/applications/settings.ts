import type Database from 'better-sqlite3';
import { getSetting } from '../settings/store';
import { compileCalendar, type HolidayCalendar, type WorkCalendar } from '../../domain/workdays';
import { effectiveCalendar } from '../../domain/calendarInput';
import { DEFAULT_RULES, type BenefitRules, type Standard } from '../../domain/benefit';
import type { RuleSet } from '../../domain/procedure';

/**
 * Settings of the 审核确认 procedure and the benefit calculation (all LOCAL rules). Keys:
 *   workdays.calendars        { "2027": { holidays: ["2027-01-01", "2027-02-06..2027-02-14"], workdays: [...] } } (overrides per year)
 *   benefit.standards         { "2026": { "城市": { monthlyFen } | { annualFen }, "农村": … } }
 *   benefit.rules             Partial<BenefitRules> (mode, bands, topUps, floorPercent, edgeMultiplier, rounding)
 *   benefit.phaseOutMaxMonths 6 (2022通知)
 *   applications.ruleSet      '2021' | '2012' for new cases
 *   applications.delegated    true when the county delegated 审核确认 to the township
 *   applications.separateConfirm  true (default): 初审 and 审核确认 of one case by different accounts
 */
type Sqlite = Database.Database;
export type Area = '城市' | '农村';
export type Standards = Record<string, Partial<Record<Area, Standard>>>;

export const DEFAULT_STANDARDS: Standards = {
  2025: { 城市: { monthlyFen: 80000 }, 农村: { monthlyFen: 62000 } },
  2026: { 城市: { monthlyFen: 80000 }, 农村: { monthlyFen: 62000 } },
};

/** The saved years (checked; a bad one is left out and counts as 未核定) over the shipped ones. */
export const calendarState = (sqlite: Sqlite) => effectiveCalendar(getSetting<HolidayCalendar | null>(sqlite, 'workdays.calendars', null));
export const workCalendar = (sqlite: Sqlite): WorkCalendar => compileCalendar(calendarState(sqlite).calendar);

export const benefitRules = (sqlite: Sqlite): BenefitRules =>
  ({ ...DEFAULT_RULES, ...getSetting<Partial<BenefitRules>>(sqlite, 'benefit.rules', {}) });

/** The standard in force in the date's year; a year without one uses the latest earlier year. */
export function standardFor(sqlite: Sqlite, date: string, area: Area): { year: string; standard: Standard } | null {
  const all = { ...DEFAULT_STANDARDS, ...getSetting<Standards>(sqlite, 'benefit.standards', {}) };
  const year = Object.keys(all).filter((y) => y <= date.slice(0, 4) && all[y][area]).sort().at(-1);
  return year ? { year, standard: all[year][area]! } : null;
}

export const phaseOutMaxMonths = (sqlite: Sqlite) => getSetting<number>(sqlite, 'benefit.phaseOutMaxMonths', 6);
export const defaultRuleSet = (sqlite: Sqlite) => getSetting<RuleSet>(sqlite, 'applications.ruleSet', '2021');
export const delegatedByDefault = (sqlite: Sqlite) => getSetting<boolean>(sqlite, 'applications.delegated', false);
export const separateConfirm = (sqlite: Sqlite) => getSetting<boolean>(sqlite, 'applications.separateConfirm', true);

/** 'YYYY-MM' of the month after a date (payment starts the month after confirmation). */
export function nextMonth(date: string, plus = 1): string {
  const m = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + plus;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}
