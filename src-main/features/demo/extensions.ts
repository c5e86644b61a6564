import type Database from 'better-sqlite3';
import type { Rng } from './random';
import { archiveDemo } from '../archive/demo';
import { supervisionDemo } from '../supervision/demo';
import { applicationsDemo } from '../applications/demo';
import { rechecksDemo } from '../rechecks/demo';
import { caseRecordDemo } from '../caseRecord/demo';
import { payrollDemo } from '../payroll/demo';

/**
 * Features add their own demo rows (staff and relatives, applications, archive bags …) after the base
 * township is built. Each extension gets the same seeded generator, so the demo stays deterministic.
 */
export type DemoExtension = (sqlite: Database.Database, ctx: { rng: Rng; today: string; region6: string }) => void;

// Order matters: relatives exist before applications are accepted; bags are filed after statuses settle; the past
// months are closed (payroll) last, from the decisions the others recorded.
export const demoExtensions: DemoExtension[] = [supervisionDemo, applicationsDemo, rechecksDemo, caseRecordDemo, archiveDemo, payrollDemo];
