import type Database from 'better-sqlite3';
import { getSetting, getTownship } from '../settings/store';
import type { Manifest } from './manifest';
import { loadCountyPrivateKey } from './countyKey';
import { countyUnsealer } from './seal';
import { registeredKey } from './county';
import type { KeyResolver, VerifyOptions } from './verify';

/** A trusted key for a package: the county's registered key, else this township's own key for its own packages. */
export function trustedKey(sqlite: Database.Database): KeyResolver {
  const own = getTownship(sqlite);
  const registered = registeredKey(sqlite);
  return (m: Manifest) => registered(m)
    ?? (own && own.divisionCode === m.divisionCode ? getSetting<string | null>(sqlite, 'signing.publicKeyPem', null) : null);
}

/** With the county's private key file: an encrypted package is decrypted and its plaintext checked too. */
export function unsealWith(file: string | undefined): Pick<VerifyOptions, 'unseal'> {
  if (!file) return {};
  const key = loadCountyPrivateKey(file);
  return { unseal: (m: Manifest) => countyUnsealer(m.encryption!, key, m.folderName) };
}
