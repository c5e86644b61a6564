import type { Check } from '../../cli/checks';
import { verifyStore } from './store';

/** `cli check`: every file in the archive store still has the content its SHA-256 name promises. */
export const archiveStoreCheck: Check = (s) => {
  const r = verifyStore(s.handle.sqlite, s.dataDir);
  return { name: '档案库文件校验（SHA-256）', ok: r.ok, details: r };
};
