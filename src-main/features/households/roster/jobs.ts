import { workerJobs } from '../../../jobs/contract';
import { namePinyin } from '../../../domain/pinyin';

/**
 * The roster import's search keys in a worker thread: pinyin-pro costs ~10 µs a name, 0.5 s for 50,000 distinct
 * names. The import sends the names while it is still reading and planning the file, so the keys are ready when it
 * writes. The same function as in the main process (domain/pinyin), so the keys are the same.
 */
export const rosterJobs = workerJobs({
  'households.rosterPinyin': (_ctx, i: { names: string[] }) => i.names.map(namePinyin),
});
