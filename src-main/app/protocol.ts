import { protocol } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { CSP } from '../ipc/web-bridge';
import type { OutboxResponse } from '../ipc/outbox';
import { insideRoot } from '../paths';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.pdf': 'application/pdf' };

export function registerScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serves app://dibao/<file> from the built renderer and app://dibao/outbox/<name>?session=… through the same
 * permission-checked outbox answer as the web bridge (ipc/outbox.ts).
 */
export function serveApp(rendererRoot: string, outbox: (name: string, sessionId: string | null) => OutboxResponse): void {
  protocol.handle('app', async (req) => {
    const url = new URL(req.url);
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    try {
      if (rel.startsWith('outbox/')) {
        const r = outbox(rel.slice('outbox/'.length), url.searchParams.get('session'));
        return new Response(r.file ? await fs.promises.readFile(r.file) : r.body, { status: r.status, headers: r.headers });
      }
      const file = insideRoot(rendererRoot, rel);
      if (!file) return new Response('forbidden', { status: 403 });
      const body = await fs.promises.readFile(file);
      return new Response(body, { headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
