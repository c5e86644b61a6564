import { openDatabase, type DbHandle, type OpenOptions } from './db/connection';
import { createRouter, type Router } from './ipc/router';
import { createSessionStore, type SessionStore } from './ipc/sessions';
import { createLogger, type Logger } from './ipc/log';
import { allChannels } from './features/registry';
import { getSetting } from './features/settings/store';
import { userStamp } from './features/users/stamp';
import type { Actor } from './ipc/contract';
import { backupBeforeMigrate, dailyBackupIfDue } from './features/backup/store';
import { registerLiveHandle } from './features/backup/live';
import { createJobPool, inlineJobPool, type JobPool } from './jobs/pool';
import { jobWorkerEntry } from './jobs/entry';
import { allWorkerJobs } from './features/jobs';
import { appRoot } from './paths';

export interface Services { dataDir: string; handle: DbHandle; router: Router; sessions: SessionStore; log: Logger; jobs: JobPool; close(): void }

export interface ServiceOptions extends OpenOptions {
  echoLog?: boolean;
  /** Run worker jobs in the main thread, as before the job engine (the responsiveness bench's baseline). */
  jobsInline?: boolean;
}

/** Opens the data dir and wires database, router, sessions and log: the whole main process minus Electron. */
export function createServices(dataDir: string, opts: ServiceOptions = {}): Services {
  const log = createLogger(dataDir, opts.echoLog);
  const handle = openDatabase(dataDir, { beforeMigrate: backupBeforeMigrate, ...opts });
  dailyBackupIfDue(handle, dataDir, log);
  const unregister = registerLiveHandle(dataDir, handle); // a restore swaps the connection inside this handle
  // a session ends when its user changes (role, deactivation, password), read from the live database at each call
  const sessions = createSessionStore(() => getSetting<unknown>(handle.sqlite, 'security.idleMinutes', 15), undefined,
    { stampOf: (userId) => userStamp(handle.sqlite, userId) });
  const jobs = opts.jobsInline ? inlineJobPool(allWorkerJobs) : createJobPool(jobWorkerEntry(moduleUrl(), appRoot));
  const router = createRouter(handle, allChannels, { dataDir, sessions, log, jobs });
  log.info(`services started, data dir ${dataDir}`);
  return { dataDir, handle, router, sessions, log, jobs, close: () => { unregister(); void jobs.close(); handle.sqlite.close(); } };
}

/** This module's URL under tsx; none when bundled to cjs (the worker entry is then found under the app root). */
const moduleUrl = () => (typeof import.meta?.url === 'string' && import.meta.url ? import.meta.url : undefined);

/** The CLI acts as an administrator named 命令行 (its writes are audited under that name). */
export const CLI_ACTOR: Actor = { userId: null, username: 'cli', displayName: '命令行', role: 'admin' };
