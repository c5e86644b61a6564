import path from 'node:path';
import type { DbHandle } from '../../db/connection';

/**
 * The open database of each data dir in this process. A restore swaps the connection inside this same
 * handle object, so the router, sessions and every later call use the restored database without a restart.
 */
const live = new Map<string, DbHandle>();

export function registerLiveHandle(dataDir: string, handle: DbHandle): () => void {
  const key = path.resolve(dataDir);
  live.set(key, handle);
  return () => { if (live.get(key) === handle) live.delete(key); };
}

export const liveHandle = (dataDir: string) => live.get(path.resolve(dataDir));
