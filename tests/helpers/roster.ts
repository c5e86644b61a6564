import fs from 'node:fs';
import path from 'node:path';
import { testServices, ok } from './services';
import { saveToInbox } from '../../src-main/ipc/files';

/**
 * The township the roster import tests start from: 青溪镇 with the existing 石桥村 3组 that the fixtures' rows name
 * (so a roster can match it, misspell it or add 新建村 next to it), plus the upload and import calls they share.
 */
export type RosterServices = ReturnType<typeof testServices>;

export async function rosterTownship(): Promise<RosterServices> {
  const s = testServices();
  const tree = await ok(s, 'regions.tree', {});
  const v = await ok(s, 'regions.create', { parentId: tree[0].id, name: '石桥村' });
  await ok(s, 'regions.create', { parentId: v.id, name: '3组' });
  return s;
}

/** Builds a roster file in the data dir and puts it into the inbox as the page's upload does. */
export async function uploadRoster(s: RosterServices, build: (file: string) => Promise<void>, name = '花名册.xlsx') {
  const f = path.join(s.dir, name);
  await build(f);
  return saveToInbox(s.dir, name, fs.readFileSync(f));
}

/** households.importRoster with the test's defaults (e.g. defaultCategory) under the call's own options. */
export const importRosterWith = (defaults: Record<string, unknown> = {}) =>
  (s: RosterServices, inboxName: string, dryRun: boolean, extra: Record<string, unknown> = {}) =>
    ok(s, 'households.importRoster', { inboxName, dryRun, ...defaults, ...extra });
