import fs from 'node:fs';
import yaml from 'js-yaml';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { assertSafeName } from '../../src-main/ipc/files';

/** Issue 15 finding 9: the Electron shell, read and tested with `electron` mocked (no Electron binary needed). */
const h = vi.hoisted(() => ({
  lock: true, packaged: true, ready: null as null | (() => void), quit: vi.fn(), whenReady: vi.fn(),
  appOn: new Map<string, (...a: unknown[]) => void>(), windows: [] as Record<string, any>[], handlers: new Map<string, (...a: unknown[]) => unknown>(),
  openPath: vi.fn(async (_file: string) => ''), createServices: vi.fn(), dataDir: '',
}));

vi.mock('electron', () => ({
  app: {
    requestSingleInstanceLock: () => h.lock, quit: h.quit,
    whenReady: () => { h.whenReady(); return { then: (fn: () => void) => { h.ready = fn; } }; },
    on: (ev: string, fn: (...a: unknown[]) => void) => { h.appOn.set(ev, fn); },
    get isPackaged() { return h.packaged; },
    getAppPath: () => '/opt/dibao/resources/app.asar', getPath: () => '/home/clerk/.config/dibao',
  },
  BrowserWindow: class {
    webContents = { send: () => {} };
    constructor(opts: Record<string, any>) { h.windows.push(opts); }
    once() {} focus() {}
    loadURL() { return Promise.resolve(); }
  },
  ipcMain: { handle: (ch: string, fn: (...a: unknown[]) => unknown) => { h.handlers.set(ch, fn); } },
  dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  shell: { openPath: h.openPath },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
}));
vi.mock('../../src-main/services', () => ({
  createServices: (dir: string) => {
    h.createServices(dir);
    return { dataDir: dir, handle: { sqlite: {} }, sessions: { actorFor: () => ({ role: 'admin' }) }, router: { events: { on: () => {} } }, close: () => {} };
  },
}));
vi.mock('../../src-main/startup', () => ({ runStartupJobs: vi.fn(async () => {}) }));
vi.mock('../../src-main/app/protocol', () => ({ registerScheme: vi.fn(), serveApp: vi.fn() }));
vi.mock('../../src-main/ipc/outbox', () => ({
  readableOutboxFile: (_db: unknown, dir: string, _actor: unknown, name: string) => ({ file: `${dir}/outbox/${name}` }),
  outboxResponse: vi.fn(),
}));

async function startShell(o: { lock?: boolean; packaged?: boolean; env?: Record<string, string> } = {}) {
  Object.assign(h, { lock: o.lock ?? true, packaged: o.packaged ?? true, ready: null, windows: [] });
  h.appOn.clear(); h.handlers.clear(); h.quit.mockClear(); h.whenReady.mockClear(); h.createServices.mockClear(); h.openPath.mockClear();
  delete process.env.DIBAO_APP_ROOT; delete process.env.DIBAO_DATA_DIR;
  Object.assign(process.env, o.env ?? {});
  vi.resetModules();
  const main = await import('../../src-main/app/main');
  h.ready?.();
  return main;
}

/** A stand-in for a WebContents: records its listeners so a test can fire them. */
function fakeContents() {
  const on = new Map<string, (...a: any[]) => void>();
  return { on: (ev: string, fn: (...a: any[]) => void) => { on.set(ev, fn); }, listeners: on, setWindowOpenHandler: vi.fn(), closeDevTools: vi.fn() };
}

beforeEach(() => { delete process.env.DIBAO_APP_ROOT; delete process.env.DIBAO_DATA_DIR; });

describe('finding 9: Electron shell', () => {
  it('returns after app.quit() when the single-instance lock fails: no database, no handlers, no window', async () => {
    const main = await startShell({ lock: false });
    expect(main.started).toBe(false);
    expect(h.quit).toHaveBeenCalled();
    expect(h.whenReady).not.toHaveBeenCalled();
    expect(h.createServices).not.toHaveBeenCalled();
    expect(h.handlers.size).toBe(0);
  });

  it('a packaged app ignores DIBAO_APP_ROOT and DIBAO_DATA_DIR', async () => {
    await startShell({ packaged: true, env: { DIBAO_APP_ROOT: '/tmp/evil-code', DIBAO_DATA_DIR: '/tmp/other-db' } });
    expect(h.createServices).toHaveBeenCalledWith('/home/clerk/.config/dibao');
    expect(process.env.DIBAO_APP_ROOT).toBe('/opt/dibao/resources/app.asar');
  });

  it('a development run still honours them', async () => {
    await startShell({ packaged: false, env: { DIBAO_APP_ROOT: '/src/dibao', DIBAO_DATA_DIR: '/tmp/dev-data' } });
    expect(h.createServices).toHaveBeenCalledWith('/tmp/dev-data');
    expect(process.env.DIBAO_APP_ROOT).toBe('/src/dibao');
  });

  it('no DevTools in production: the window disables them and anything that opens them is closed', async () => {
    await startShell({ packaged: true });
    expect(h.windows[0].webPreferences.devTools).toBe(false);
    const c = fakeContents();
    h.appOn.get('web-contents-created')!({}, c);
    c.listeners.get('devtools-opened')!();
    expect(c.closeDevTools).toHaveBeenCalled();
  });

  it('will-frame-navigate: a frame cannot navigate away from app://dibao', async () => {
    await startShell();
    const c = fakeContents();
    h.appOn.get('web-contents-created')!({}, c);
    const frameNav = c.listeners.get('will-frame-navigate');
    expect(frameNav).toBeTypeOf('function');
    const away = { url: 'https://evil.example/x', preventDefault: vi.fn() };
    frameNav!(away);
    expect(away.preventDefault).toHaveBeenCalled();
    const own = { url: 'app://dibao/index.html', preventDefault: vi.fn() };
    frameNav!(own);
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('the preview opens in the OS viewer: no window with plugins: true, only the kinds the app writes', async () => {
    await startShell();
    const open = h.handlers.get('dibao:openOutbox')!;
    const sender = { senderFrame: { url: 'app://dibao/index.html' } };
    await open(sender, '初审公示.pdf', 'session');
    expect(h.openPath).toHaveBeenCalledWith('/home/clerk/.config/dibao/outbox/初审公示.pdf');
    await expect(open(sender, 'page.html', 'session')).rejects.toThrow('只能打开');
    expect(h.windows.some((w) => w.webPreferences?.plugins)).toBe(false);
    expect(h.windows).toHaveLength(1);
  });

  it('the safe-name check refuses Windows reserved device names and names Windows would shorten', () => {
    for (const bad of ['CON', 'con.txt', 'NUL', 'nul.pdf', 'COM1', 'com9.xlsx', 'LPT1', 'Aux.pdf', 'PRN', 'name.', 'name ']) {
      expect(() => assertSafeName(bad), bad).toThrow();
    }
    for (const good of ['初审公示.pdf', 'CONTRACT.pdf', 'console.xlsx', 'com10说明.pdf', 'NULL.pdf']) expect(assertSafeName(good)).toBe(good);
  });

  it('the grantFileProtocolExtraPrivileges fuse is off in the installer configuration', () => {
    const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as { electronFuses: Record<string, boolean> };
    expect(config.electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
  });
});
