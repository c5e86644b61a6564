import type { ChannelMap } from '../ipc/contract';
import { setupChannels } from './setup/channels';
import { userChannels } from './users/channels';
import { settingsChannels } from './settings/channels';
import { regionChannels } from './regions/channels';
import { auditChannels } from './audit/channels';
import { dashboardChannels } from './dashboard/channels';
import { householdsChannels } from './households/channels';
import { applicationsChannels } from './applications/channels';
import { noticesChannels } from './notices/channels';
import { rechecksChannels } from './rechecks/channels';
import { archiveChannels } from './archive/channels';
import { ledgersChannels } from './ledgers/channels';
import { supervisionChannels } from './supervision/channels';
import { backupChannels } from './backup/channels';
import { printChannels } from './print/channels';
import { payrollChannels } from './payroll/channels';
import { statsEntryChannels } from './ledgers/statsEntries';
import { calendarChannels } from './calendar/channels';
import { worklistChannels } from './worklist/channels';
import { accessChannels } from './access/channels';
import { handoffChannels } from './applications/handoff';
import { householdListChannels } from './households/listExport';
import { wordChannels } from './access/words';
import { healthChannels } from './health/channels';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Merges the per-feature handler maps into one; a name declared twice is a programming error. */
function mergeChannels<T extends ChannelMap[]>(...maps: T): UnionToIntersection<T[number]> {
  const all: ChannelMap = {};
  for (const m of maps) {
    for (const [name, def] of Object.entries(m)) {
      if (name in all) throw new Error(`IPC channel declared twice: ${name}`);
      all[name] = def;
    }
  }
  return all as UnionToIntersection<T[number]>;
}

export const allChannels = mergeChannels(
  setupChannels, userChannels, settingsChannels, regionChannels, auditChannels, dashboardChannels,
  householdsChannels, applicationsChannels, noticesChannels, rechecksChannels, archiveChannels, calendarChannels, worklistChannels,
  ledgersChannels, supervisionChannels, backupChannels, printChannels, payrollChannels, statsEntryChannels,
  handoffChannels, householdListChannels, healthChannels, accessChannels((): ChannelMap => allChannels), wordChannels((): ChannelMap => allChannels),
);

export type AllChannels = typeof allChannels;
