import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Root of the application's files (drizzle/, dist-renderer/, resources/, node_modules fonts).
 * Electron's main sets DIBAO_APP_ROOT; under tsx we walk up from this file to package.json.
 */
export function appRoot(): string {
  if (process.env.DIBAO_APP_ROOT) return process.env.DIBAO_APP_ROOT;
  let dir = typeof import.meta?.url === 'string' && import.meta.url
    ? path.dirname(fileURLToPath(import.meta.url)) : process.cwd();
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export const migrationsDir = () => path.join(appRoot(), 'drizzle');
export const rendererDir = () => path.join(appRoot(), 'dist-renderer');
export const resourcesDir = () => path.join(appRoot(), 'resources');

/** The data dir for web, CLI and tests: --data-dir, else DIBAO_DATA_DIR, else ./.data. */
export function resolveDataDir(argv: string[]): string {
  const i = argv.indexOf('--data-dir');
  const fromArg = i >= 0 ? argv[i + 1] : undefined;
  return path.resolve(fromArg ?? process.env.DIBAO_DATA_DIR ?? '.data');
}

/** Path-traversal guard for served files: the resolved path must stay inside root (else null). */
export function insideRoot(root: string, rel: string): string | null {
  const base = path.resolve(root);
  const file = path.resolve(base, rel);
  return file.startsWith(base + path.sep) ? file : null;
}
