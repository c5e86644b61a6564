// Bundles the Electron main process and preload into dist-main/ (CommonJS, as Electron's sandboxed preload needs).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, logLevel: 'warning',
  // Native and Electron modules stay outside the bundle; pdfmake/exceljs load data files relative to themselves.
  external: ['electron', 'better-sqlite3', 'pdfmake', 'exceljs', 'fontkit'] };
await build({ ...common, entryPoints: ['src-main/app/main.ts'], outfile: 'dist-main/app/main.cjs',
  define: { 'import.meta.url': 'undefined' } });
await build({ ...common, entryPoints: ['src-main/app/preload.ts'], outfile: 'dist-main/app/preload.cjs' });
// the job worker thread (src-main/jobs/): services.ts starts dist-main/app/worker.cjs when running bundled
await build({ ...common, entryPoints: ['src-main/features/worker.ts'], outfile: 'dist-main/app/worker.cjs',
  define: { 'import.meta.url': 'undefined' } });
console.log('built dist-main/app/main.cjs, preload.cjs and worker.cjs');
