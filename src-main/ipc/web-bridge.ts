import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Services } from '../services';
import { insideRoot, rendererDir } from '../paths';
import { saveToInbox } from './files';
import { outboxResponse } from './outbox';
import { AppError } from './errors';
import type { ProgressEvent } from './router';

/** The same CSP as the Electron window: nothing loads from outside the app. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-src 'self' blob:; base-uri 'none'; form-action 'none'";

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.ico': 'image/x-icon',
  '.pdf': 'application/pdf', '.woff': 'font/woff', '.ttf': 'font/ttf' };

const MAX_BODY = 64 * 1024 * 1024;

/**
 * Loopback web bridge for development and e2e tests: serves the built renderer and the real router.
 * Only 127.0.0.1 is bound; requests must carry this run's random token and a loopback Host/Origin.
 */
export function startWebBridge(services: Services, port = 0): Promise<{ url: string; token: string; close(): void }> {
  const token = crypto.randomBytes(24).toString('hex');
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      // a malformed request is the caller's fault (400); anything else is logged, never echoed to the caller
      if (e instanceof BadRequest) return send(res, e.status, { ok: false, error: { code: 'BAD_REQUEST', message: e.message } });
      services.log.error(`web ${req.method} ${String(req.url).split('?')[0]}`, e);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: '内部错误，已记录在日志中' } });
      else res.destroy();
    });
  });
  const sse = new Set<http.ServerResponse>();
  services.router.events.on('progress', (p: ProgressEvent) => {
    for (const r of sse) r.write(`data: ${JSON.stringify(p)}\n\n`);
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const actualPort = (server.address() as { port: number }).port;
    if (!isLoopbackRequest(req, actualPort)) return send(res, 403, { ok: false, error: { code: 'FORBIDDEN_ORIGIN', message: '只允许本机访问' } });
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${actualPort}`);
    if (!url.pathname.startsWith('/api/')) return serveStatic(url.pathname, res, token);
    const given = req.headers['x-dibao-token'] ?? url.searchParams.get('token');
    if (given !== token) return send(res, 401, { ok: false, error: { code: 'BAD_TOKEN', message: '桥接令牌无效' } });
    const sessionId = (req.headers['x-dibao-session'] as string | undefined) ?? null;
    if (url.pathname === '/api/call' && req.method === 'POST') {
      const body = await readJson(req);
      if (typeof body.channel !== 'string') throw new BadRequest('请求缺少操作名（channel）');
      const jobId = typeof body.jobId === 'string' ? body.jobId : undefined;
      return send(res, 200, await services.router.call({ channel: body.channel, input: body.input, sessionId, jobId }));
    }
    if (url.pathname === '/api/cancel' && req.method === 'POST') {
      services.router.cancel(String((await readJson(req)).jobId));
      return send(res, 200, { ok: true, value: true });
    }
    if (url.pathname === '/api/upload' && req.method === 'POST') {
      if (!services.sessions.actorFor(sessionId)) return send(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
      try {
        const name = saveToInbox(services.dataDir, decodeName(String(req.headers['x-file-name'] ?? 'upload')), await readBody(req));
        return send(res, 200, { ok: true, value: { inboxName: name } });
      } catch (e) {
        if (e instanceof AppError) return send(res, 400, { ok: false, error: { code: e.code, message: e.message } });
        throw e;
      }
    }
    if (url.pathname === '/api/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': ok\n\n');
      sse.add(res);
      req.on('close', () => sse.delete(res));
      return;
    }
    if (url.pathname.startsWith('/api/outbox/')) {
      const actor = services.sessions.actorFor(url.searchParams.get('session'));
      const name = decodeName(url.pathname.slice('/api/outbox/'.length));
      const r = outboxResponse(services.handle.sqlite, services.dataDir, actor, name, !!url.searchParams.get('download'));
      res.writeHead(r.status, r.headers);
      return r.file ? fs.createReadStream(r.file).pipe(res) : res.end(r.body);
    }
    send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '无此接口' } });
  }

  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const p = (server.address() as { port: number }).port;
      resolve({ url: `http://127.0.0.1:${p}/`, token, close: () => { for (const r of sse) r.end(); server.close(); } });
    });
  });
}

/** Refuses other hosts (DNS rebinding) and other origins (a web page elsewhere calling in). */
export function isLoopbackRequest(req: http.IncomingMessage, port: number): boolean {
  const remote = req.socket.remoteAddress ?? '';
  if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(remote)) return false;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowed.includes(String(req.headers.host))) return false;
  const origin = req.headers.origin;
  return origin === undefined || allowed.map((h) => `http://${h}`).includes(origin);
}

function serveStatic(pathname: string, res: http.ServerResponse, token: string) {
  const root = rendererDir();
  const rel = pathname === '/' ? 'index.html' : decodeName(pathname).replace(/^\/+/, '');
  const file = insideRoot(root, rel);
  if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '文件不存在' } });
  }
  const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP,
    'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
  if (file.endsWith('index.html')) {
    const html = fs.readFileSync(file, 'utf8').replace('<head>', `<head><meta name="dibao-bridge-token" content="${token}">`);
    res.writeHead(200, headers);
    return res.end(html);
  }
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
}

/** A request the bridge cannot read (bad JSON, bad encoding): answered 400 with a fixed Chinese message. */
class BadRequest extends Error { constructor(message: string, public status = 400) { super(message); } }

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  let body: unknown;
  try { body = JSON.parse((await readBody(req)).toString('utf8') || '{}'); } catch (e) {
    if (e instanceof BadRequest) throw e;
    throw new BadRequest('请求内容不是有效的 JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new BadRequest('请求内容应为 JSON 对象');
  return body as Record<string, unknown>;
}

function decodeName(s: string): string {
  try { return decodeURIComponent(s); } catch { throw new BadRequest('文件名编码有误'); }
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { reject(new BadRequest('请求过大（上限 64 MB）', 413)); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
