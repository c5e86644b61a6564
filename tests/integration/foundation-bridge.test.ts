import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { testServices } from '../helpers/services';
import { startWebBridge } from '../../src-main/ipc/web-bridge';

let s: ReturnType<typeof testServices>;
let close: (() => void) | undefined;
afterEach(() => { close?.(); s?.close(); });

function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('loopback web bridge', () => {
  it('serves the router to a caller with the run token and refuses others', async () => {
    s = testServices();
    const b = await startWebBridge(s, 0);
    close = b.close;
    const call = (headers: Record<string, string>) => request(`${b.url}api/call`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ channel: 'setup.status', input: {} }) });
    const good = await call({ 'x-dibao-token': b.token });
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, value: { initialized: true } });
    expect((await call({ 'x-dibao-token': 'guess' })).status).toBe(401);
    expect((await call({ 'x-dibao-token': b.token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await call({ 'x-dibao-token': b.token, host: 'evil.example' })).status).toBe(403);
  });

  it('refuses path traversal on static files and reaches no file outside the renderer', async () => {
    s = testServices();
    const b = await startWebBridge(s, 0);
    close = b.close;
    const r = await request(`${b.url}..%2F..%2Fpackage.json`);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('dibao-desk');
  });
});
