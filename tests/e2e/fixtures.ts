import { test as base, expect, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Each test gets its own data dir and its own `web` server (the real services behind the loopback bridge).
 * `demo: true` builds the seeded demo township first through the CLI (admin / admin123; jingban, shenhe, chakan / demo1234).
 */
export interface AppServer { url: string; dataDir: string; cli(args: string[]): { status: number | null; stdout: string } }

const tsx = path.resolve('node_modules/.bin/tsx');

export function startServer(dataDir: string): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(tsx, ['src-main/web.ts', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stderr!.on('data', (d) => { err += d; });
    proc.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ url: JSON.parse(line).url, proc });
    });
    proc.on('exit', (code) => reject(new Error(`web server exited ${code}: ${err}`)));
  });
}

export function runCli(dataDir: string, args: string[]) {
  const r = spawnSync(tsx, ['src-main/cli.ts', ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout };
}

export const test = base.extend<{ demo: boolean; app: AppServer }>({
  demo: [false, { option: true }],
  // DIBAO_E2E_SHIFTED_CLOCK=1: the suite runs under libfaketime (e.g. `faketime -f +34d`, as if CI ran in January);
  // the browser cannot start under faketime, so its pages read the date the server and the test read
  page: async ({ page }, use) => {
    if (process.env.DIBAO_E2E_SHIFTED_CLOCK) await page.clock.setSystemTime(new Date());
    await use(page);
  },
  // Building the demo and starting the server get their own time budget (a busy machine may take a minute), so
  // the test's own timeout only covers what the test does.
  app: [async ({ demo }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-e2e-'));
    if (demo) {
      const r = runCli(dataDir, ['init', '--demo', '--households', '120']);
      if (r.status !== 0) throw new Error(`demo init failed: ${r.stdout}`);
    }
    const { url, proc } = await startServer(dataDir);
    await use({ url, dataDir, cli: (args) => runCli(dataDir, args) });
    proc.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, { timeout: 180_000 }],
});

/** Logs in through the real login form and waits for the app frame. */
export async function login(page: Page, url: string, username = 'admin', password = 'admin123') {
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** Calls channels through the running app's loopback bridge as admin (one process, unlike a CLI spawn per call). */
export async function bridge(page: Page, url: string) {
  await page.goto(url);
  const token = await page.locator('meta[name="dibao-bridge-token"]').getAttribute('content');
  const post = async (channel: string, input: unknown, session?: string) => {
    const r = await page.request.post(new URL('./api/call', url).toString(), {
      headers: { 'content-type': 'application/json', 'x-dibao-token': token ?? '', ...(session ? { 'x-dibao-session': session } : {}) },
      data: { channel, input },
    });
    const out = await r.json();
    if (!out.ok) throw new Error(`${channel}: ${out.error.message}`);
    return out.value;
  };
  const { sessionId } = await post('auth.login', { username: 'admin', password: 'admin123' });
  return (channel: string, input: unknown) => post(channel, input, sessionId);
}

export { expect };
