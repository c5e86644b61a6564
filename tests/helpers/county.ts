import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../src-main/services';
import { initialize } from '../../src-main/features/setup/initialize';
import { actorOf, ok } from './services';

export const countyActor = actorOf('county');

/**
 * A county office in its own data dir with `township`'s signing key registered: what a 县民政局 sets up before it
 * imports that township's packages. Closes and removes itself after `use`.
 */
export async function withCountyOffice(township: Services, use: (c: Services) => Promise<void>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-county-'));
  const c = createServices(dir);
  try {
    c.handle.sqlite.transaction(() => initialize(c.handle.sqlite, { township: { name: '示范县民政局', divisionCode: '510902000000', county: '示范县' },
      admin: { username: 'admin', displayName: '管理员', password: 'admin123' }, demo: false, seed: 1, households: 1 }))();
    const key = await ok(township, 'ledgers.publicKey', {});
    await ok(c, 'ledgers.county.registerTownship', { divisionCode: key.township.divisionCode, name: key.township.name, publicKeyPem: key.pem }, countyActor);
    await use(c);
  } finally { c.close(); fs.rmSync(dir, { recursive: true, force: true }); }
}
