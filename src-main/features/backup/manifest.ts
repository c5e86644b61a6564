import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Every backup database travels with a manifest: what it is, its own SHA-256 (a truncated or damaged copy is
 * caught before restore) and the archive store's file list (names, hashes, sizes) at backup time.
 */
export interface ArchiveEntry { name: string; sha256: string; size: number }
export interface BackupManifest {
  format: 'dibao-backup/1';
  kind: BackupKind;
  createdAt: string;
  schemaVersion: number;
  db: { file: string; size: number; sha256: string };
  audit: { rows: number; headHash: string | null };
  /** False for a copy that left the PC (USB): the township's private signing key is not in it. */
  privateKeyIncluded?: boolean;
  archiveStore: { files: ArchiveEntry[]; totalBytes: number; copied: boolean };
}
export type BackupKind = 'daily' | 'pre-migrate' | 'pre-restore' | 'manual';

export const ARCHIVE_STORE = 'archive-store';
const SHA_NAME = /^([0-9a-f]{64})(\.[\w]+)?$/;

export function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally { fs.closeSync(fd); }
  return hash.digest('hex');
}

/** The manifest next to a backup database: `x.db` -> `x.manifest.json`. */
export const manifestPathFor = (dbFile: string) =>
  (dbFile.endsWith('.db') ? dbFile.slice(0, -3) : dbFile) + '.manifest.json';

/**
 * Lists the archive store. Files are content-addressed (named by their SHA-256), so the name is the hash and
 * a daily backup does not re-read gigabytes of scans; any other file is hashed.
 */
export function archiveStoreEntries(dataDir: string): ArchiveEntry[] {
  const root = path.join(dataDir, ARCHIVE_STORE);
  if (!fs.existsSync(root)) return [];
  const out: ArchiveEntry[] = [];
  for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
    const full = path.join(root, rel);
    const st = fs.statSync(full);
    if (!st.isFile() || /\.(tmp|partial)$/.test(rel)) continue; // an upload still being written is not in the store yet
    const m = SHA_NAME.exec(path.basename(rel));
    out.push({ name: rel.split(path.sep).join('/'), sha256: m ? m[1] : sha256File(full), size: st.size });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Writes JSON atomically (temp file + rename): a kill leaves the old file or the new one, never half. */
export function writeJsonAtomic(file: string, value: unknown): void {
  const tmp = `${file}.partial`;
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export function readManifest(dbFile: string): BackupManifest | null {
  const file = manifestPathFor(dbFile);
  if (!fs.existsSync(file)) return null;
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
    return m?.format === 'dibao-backup/1' ? m : null;
  } catch { return null; }
}
