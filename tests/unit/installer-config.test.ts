import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import yaml from 'js-yaml';
import { minimatch } from 'minimatch';

interface BuilderConfig {
  appId: string; productName: string; files: string[]; asarUnpack: string[];
  electronFuses: Record<string, boolean>; win: { target: { target: string; arch: string[] }[] }; linux: { target: { target: string; arch: string[] }[] };
}
const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

/** electron-builder semantics: a file ships when some pattern includes it and no later "!" pattern excludes it. */
function ships(file: string): boolean {
  let included = false;
  for (const p of config.files) {
    if (p.startsWith('!')) { if (minimatch(file, p.slice(1), { dot: true })) included = false; } else if (minimatch(file, p, { dot: true })) included = true;
  }
  // Production dependencies are added by electron-builder itself; only exclusions apply to them.
  if (file.startsWith('node_modules/')) included = !config.files.some((p) => p.startsWith('!') && minimatch(file, p.slice(1)));
  return included;
}

describe('installer configuration', () => {
  it('ships every migration and its journal', () => {
    const sql = fs.readdirSync('drizzle').filter((f) => f.endsWith('.sql'));
    expect(sql.length).toBeGreaterThan(0);
    for (const f of [...sql.map((f) => `drizzle/${f}`), 'drizzle/meta/_journal.json']) expect(ships(f), f).toBe(true);
  });

  it('ships the Noto Sans SC regular and bold fonts unpacked, and not the unused weights', () => {
    const dir = 'node_modules/@expo-google-fonts/noto-sans-sc';
    for (const f of [`${dir}/400Regular/NotoSansSC_400Regular.ttf`, `${dir}/700Bold/NotoSansSC_700Bold.ttf`]) {
      expect(fs.existsSync(f), f).toBe(true);
      expect(ships(f), f).toBe(true);
      expect(config.asarUnpack.some((p) => minimatch(f, p)), `${f} unpacked`).toBe(true);
    }
    expect(ships(`${dir}/900Black/NotoSansSC_900Black.ttf`)).toBe(false);
  });

  it('ships the built main process, preload and renderer, and unpacks native modules', () => {
    for (const f of ['dist-main/app/main.cjs', 'dist-main/app/preload.cjs', 'dist-renderer/index.html']) expect(ships(f), f).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    expect(pkg.main).toBe('dist-main/app/main.cjs');
  });

  it('turns off RunAsNode and NODE_OPTIONS in the packaged binary', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false });
  });

  it('targets Windows NSIS and portable x64, and Linux deb and AppImage for x64 and arm64', () => {
    expect(config.win.target).toEqual(expect.arrayContaining([{ target: 'nsis', arch: ['x64'] }, { target: 'portable', arch: ['x64'] }]));
    expect(config.linux.target).toEqual(expect.arrayContaining([{ target: 'deb', arch: ['x64', 'arm64'] }, { target: 'AppImage', arch: ['x64', 'arm64'] }]));
  });
});
