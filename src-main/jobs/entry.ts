import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The job worker's entry script. Under tsx (dev, tests, CLI, web) this module has a file URL and the worker runs
 * the TypeScript entry beside it. Bundled (Electron, esbuild cjs: no import.meta.url) it is dist-main/app/worker.cjs
 * under the app root, which in the installed app is inside app.asar: Electron (≥ 18) loads worker scripts from the
 * archive, and the worker must stay there, beside the packed node_modules it requires (pdfmake, exceljs); only the
 * native better-sqlite3 is unpacked, and Electron redirects its require.
 */
export function jobWorkerEntry(moduleUrl: string | undefined, appRoot: () => string): string {
  if (moduleUrl) return path.join(path.dirname(fileURLToPath(moduleUrl)), 'features', 'worker.ts');
  return path.join(appRoot(), 'dist-main', 'app', 'worker.cjs');
}
