import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { minimatch } from 'minimatch';
import { jobWorkerEntry } from '../../src-main/jobs/entry';

const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as { files: string[]; asarUnpack: string[] };

/** Where the job worker is started from (issue 17 item 5): the .ts entry under tsx, the bundled .cjs inside app.asar when packaged. */
describe('job worker entry', () => {
  it('under tsx: features/worker.ts beside services.ts, and it exists', () => {
    const entry = jobWorkerEntry(pathToFileURL(path.resolve('src-main/services.ts')).href, () => '/unused');
    expect(entry).toBe(path.resolve('src-main/features/worker.ts'));
    expect(fs.existsSync(entry)).toBe(true);
  });

  it('bundled (no import.meta.url): dist-main/app/worker.cjs under the app root, inside app.asar when installed', () => {
    const root = path.join('C:', 'Program Files', 'dibao-desk', 'resources', 'app.asar');
    expect(jobWorkerEntry(undefined, () => root)).toBe(path.join(root, 'dist-main', 'app', 'worker.cjs'));
  });

  it('the build bundles that file, with import.meta.url undefined as in main.cjs', () => {
    const script = fs.readFileSync('scripts/build-main.mjs', 'utf8');
    expect(script).toMatch(/entryPoints: \['src-main\/features\/worker\.ts'\], outfile: 'dist-main\/app\/worker\.cjs',\s*define: \{ 'import\.meta\.url': 'undefined' \}/);
  });

  it('the installer ships it inside the asar, not unpacked: it requires pdfmake and exceljs from the packed node_modules', () => {
    const f = 'dist-main/app/worker.cjs';
    expect(config.files.some((p) => !p.startsWith('!') && minimatch(f, p))).toBe(true);
    expect(config.asarUnpack.some((p) => minimatch(f, p))).toBe(false);
    expect(config.asarUnpack.some((p) => minimatch('node_modules/better-sqlite3/build/Release/better_sqlite3.node', p))).toBe(true);
  });
});
