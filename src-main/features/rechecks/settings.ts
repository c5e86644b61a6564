import type Database from 'better-sqlite3';
import { getSetting, setSetting } from '../settings/store';
import { DEFAULT_SCHEDULE, type ScheduleSetting } from '../../domain/recheckSchedule';

/** Setting keys owned by rechecks. */
export const KEYS = {
  schedule: 'rechecks.schedule',
  suspectMappings: 'rechecks.suspectMappings',
} as const;

export function getSchedule(sqlite: Database.Database): ScheduleSetting {
  const s = getSetting<Partial<ScheduleSetting>>(sqlite, KEYS.schedule, {});
  return {
    rule: s.rule ?? DEFAULT_SCHEDULE.rule,
    months: { '2021': { ...DEFAULT_SCHEDULE.months['2021'], ...s.months?.['2021'] }, '2012': { ...DEFAULT_SCHEDULE.months['2012'], ...s.months?.['2012'] } },
    dueSoonDays: s.dueSoonDays ?? DEFAULT_SCHEDULE.dueSoonDays,
  };
}

export const saveSchedule = (sqlite: Database.Database, s: ScheduleSetting) => setSetting(sqlite, KEYS.schedule, s);

/** Which header of the county's sheet holds each field. Remembered per county: there is no national layout. */
export interface SuspectMapping {
  idNumber: string; name?: string; reason?: string; result?: string; action?: string; checker?: string; date?: string;
}

export const getSuspectMappings = (sqlite: Database.Database) => getSetting<Record<string, SuspectMapping>>(sqlite, KEYS.suspectMappings, {});

export function rememberSuspectMapping(sqlite: Database.Database, county: string, m: SuspectMapping) {
  setSetting(sqlite, KEYS.suspectMappings, { ...getSuspectMappings(sqlite), [county]: m });
}
