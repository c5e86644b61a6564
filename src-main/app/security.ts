import { app, session, type WebContents } from 'electron';

export const APP_ORIGIN = 'app://dibao';

/** True when an IPC message comes from our own page, not from a frame of anything else. */
export function isOwnFrame(url: string | undefined): boolean {
  return typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * Electron security checklist: no new windows, no navigation away (of the page or of any frame in it), no
 * webviews, no permissions; in an installed app no DevTools (closed the moment anything opens them).
 */
export function lockDown(opts: { production: boolean }): void {
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (e, url) => { if (!isOwnFrame(url)) e.preventDefault(); });
    contents.on('will-frame-navigate', (e) => { if (!isOwnFrame(e.url)) e.preventDefault(); });
    contents.on('will-redirect', (e, url) => { if (!isOwnFrame(url)) e.preventDefault(); });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    if (opts.production) contents.on('devtools-opened', () => contents.closeDevTools());
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
