import { app, BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { createServices, type Services } from '../services';
import { saveToInbox } from '../ipc/files';
import { outboxResponse, readableOutboxFile } from '../ipc/outbox';
import { lockDown, isOwnFrame, APP_ORIGIN } from './security';
import { registerScheme, serveApp } from './protocol';
import { runStartupJobs } from '../startup';
import { OPENABLE, shellPaths } from './environment';

/** The Electron shell: thin on purpose. Everything else is the same services the web bridge and CLI use. */
let services: Services | undefined;
let win: BrowserWindow | undefined;

/** A second start only wakes the first window: quit and do nothing else (no handlers, no database). */
function start(): boolean {
  registerScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  void app.whenReady().then(onReady);
  app.on('second-instance', () => { win?.focus(); });
  app.on('window-all-closed', () => { services?.close(); app.quit(); });
  return true;
}

function guard<A extends unknown[], R>(fn: (...a: A) => R) {
  return (e: IpcMainInvokeEvent, ...a: A): R => {
    if (!isOwnFrame(e.senderFrame?.url)) throw new Error('refused: IPC from a foreign frame');
    return fn(...a);
  };
}

function createWindow(): BrowserWindow {
  const w = new BrowserWindow({
    width: 1366, height: 860, minWidth: 1100, minHeight: 700, title: '乡镇低保档案与复核工作站', show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, spellcheck: false,
      devTools: !app.isPackaged, // no DevTools in an installed app: they would bypass every role check in the page
    },
  });
  w.once('ready-to-show', () => w.show());
  void w.loadURL(`${APP_ORIGIN}/index.html`);
  return w;
}

function registerIpc(s: Services): void {
  ipcMain.handle('dibao:call', guard((req: { channel: string; input: unknown; sessionId: string | null; jobId?: string }) =>
    s.router.call({ channel: String(req?.channel), input: req?.input, sessionId: req?.sessionId ?? null, jobId: req?.jobId })));
  ipcMain.handle('dibao:cancel', guard((jobId: string) => s.router.cancel(String(jobId))));
  ipcMain.handle('dibao:upload', guard((req: { name: string; bytes: ArrayBuffer; sessionId: string | null }) => {
    if (!s.sessions.actorFor(req.sessionId)) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };
    return { ok: true, value: { inboxName: saveToInbox(s.dataDir, String(req.name), Buffer.from(req.bytes)) } };
  }));
  ipcMain.handle('dibao:openOutbox', guard(async (name: string, sessionId: string | null) => {
    // recorded, and this role may read it; opened in the OS's PDF reader or spreadsheet (no plugin window in the app)
    const { file } = readableOutboxFile(s.handle.sqlite, s.dataDir, s.sessions.actorFor(sessionId ?? null), String(name));
    if (!OPENABLE.test(file)) throw new Error('只能打开本程序生成的 PDF 或表格文件');
    const error = await shell.openPath(file);
    if (error) throw new Error(`无法打开文件：${error}`);
  }));
  ipcMain.handle('dibao:saveOutbox', guard(async (name: string, sessionId: string | null) => {
    const from = readableOutboxFile(s.handle.sqlite, s.dataDir, s.sessions.actorFor(sessionId ?? null), String(name)).file;
    const r = await dialog.showSaveDialog(win!, { defaultPath: name });
    if (r.canceled || !r.filePath) return null;
    await fs.promises.copyFile(from, r.filePath);
    return r.filePath;
  }));
  ipcMain.handle('dibao:pickFolder', guard(async () => {
    const r = await dialog.showOpenDialog(win!, { properties: ['openDirectory', 'createDirectory'] });
    return r.canceled ? null : r.filePaths[0];
  }));
  s.router.events.on('progress', (p) => win?.webContents.send('dibao:progress', p));
}

function onReady(): void {
  const paths = shellPaths({ isPackaged: app.isPackaged, appPath: app.getAppPath(), userData: app.getPath('userData'), env: process.env });
  process.env.DIBAO_APP_ROOT = paths.appRoot; // src-main/paths.ts reads it
  const dataDir = paths.dataDir;
  try {
    services = createServices(dataDir);
  } catch (e) {
    dialog.showErrorBox('无法打开数据库', (e as Error).message);
    app.quit();
    return;
  }
  lockDown({ production: app.isPackaged });
  const s = services;
  serveApp(path.join(process.env.DIBAO_APP_ROOT, 'dist-renderer'),
    (name, sessionId) => outboxResponse(s.handle.sqlite, dataDir, s.sessions.actorFor(sessionId), name));
  registerIpc(services);
  void runStartupJobs(services);
  win = createWindow();
}

export const started = start();
