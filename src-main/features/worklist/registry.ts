import type { WorklistSource } from './engine';
import { applicationsWorklist, handoffsWorklist } from '../applications/worklistSource';
import { caseRecordWorklist } from '../caseRecord/worklistSource';
import { campaignsWorklist, rechecksWorklist, suspectsWorklist } from '../rechecks/worklistSource';
import { complaintsWorklist } from '../supervision/worklistSource';
import { borrowingsWorklist } from '../archive/worklistSource';
import { payrollWorklist } from '../payroll/worklistSource';

/**
 * Every feature's 首页 worklist source, one line each (like channels in ../registry.ts and listeners in
 * ../events.ts). To add yours: write `export const xWorklist: WorklistSource = { id, label, items(w) {…},
 * health(w) {…} }` in your feature folder and append it here. The engine (./engine.ts) imports no feature.
 */
export const worklistSources: WorklistSource[] = [
  applicationsWorklist,
  handoffsWorklist,
  caseRecordWorklist,
  rechecksWorklist,
  campaignsWorklist,
  suspectsWorklist,
  complaintsWorklist,
  borrowingsWorklist,
  payrollWorklist,
];
