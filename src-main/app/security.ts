import { app, session, type WebContents } from 'electron';

export const APP_ORIGIN = 'app://dibao';

/** True when an IPC message comes from our own page, not from a frame of anything else. */
export function isOwnFrame(url: string | undefined): boolean {
  return typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`);
}

/** Electron security checklist: no new windows, no navigation away, no webviews, no permissions. */
export function lockDown(): void {
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (e, url) => { if (!isOwnFrame(url)) e.preventDefault(); });
    contents.on('will-redirect', (e, url) => { if (!isOwnFrame(url)) e.preventDefault(); });
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
