import type { WorkerJobMap } from '../jobs/contract';
import { printJobs } from './print/jobs';
import { ledgersJobs } from './ledgers/jobs';
import { backupJobs } from './backup/jobs';
import { supervisionJobs } from './supervision/jobs';
import { healthJobs } from './health/jobs';
import { rosterJobs } from './households/roster/job';
import { checkpointJobs } from '../db/checkpoint';

/**
 * Every job that runs in a worker thread (src-main/jobs/). A feature adds its jobs with one import and one
 * spread here, as channels do in registry.ts; the worker entry (worker.ts) serves exactly this map.
 */
function mergeJobs(...maps: WorkerJobMap[]): WorkerJobMap {
  const all: WorkerJobMap = {};
  for (const m of maps) {
    for (const [name, job] of Object.entries(m)) {
      if (name in all) throw new Error(`worker job declared twice: ${name}`);
      all[name] = job;
    }
  }
  return all;
}

export const allWorkerJobs = mergeJobs(printJobs, ledgersJobs, backupJobs, supervisionJobs, healthJobs, rosterJobs, checkpointJobs);
