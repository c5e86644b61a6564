import Database from 'better-sqlite3';
import { workerJobs } from '../jobs/contract';

/**
 * Copies the write-ahead log's committed pages into the database file, from a worker thread, after an import's
 * sliced write. On the main connection this checkpoint took about 70 ms after a 20,000-member import (15 MB of log),
 * growing with the import, and held the window that long. It changes no row (the main process stays the one writer
 * of data); it only needs a connection that may write the file. PASSIVE: it neither waits for nor blocks the main
 * process's writes, and whatever it leaves is checkpointed by the next ordinary commit.
 */
export const checkpointJobs = workerJobs({
  'db.checkpoint': (ctx) => {
    const rw = new Database(ctx.sqlite.name, { fileMustExist: true });
    try {
      return (rw.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[])[0];
    } finally { rw.close(); }
  },
});
