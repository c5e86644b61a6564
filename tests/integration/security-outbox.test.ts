// Issue 15, findings 1, 2 and the bridge's 4xx answers: no script in the outbox, downloads by permission, no guessable names.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, testServices } from '../helpers/services';
import { startWebBridge } from '../../src-main/ipc/web-bridge';
import { inboxDir, outboxDir } from '../../src-main/ipc/files';
import { request } from '../helpers/issue15';

let s: ReturnType<typeof testServices>;
let b: Awaited<ReturnType<typeof startWebBridge>>;
const sessions: Record<string, string> = {};

const call = (channel: string, input: unknown, who: string) => request(`${b.url}api/call`, { method: 'POST',
  headers: { 'content-type': 'application/json', 'x-dibao-token': b.token, 'x-dibao-session': sessions[who] ?? '' },
  body: JSON.stringify({ channel, input }) }).then((r) => JSON.parse(r.body));
const upload = (name: string, bytes: Buffer, who = 'jingban') => request(`${b.url}api/upload`, { method: 'POST', body: bytes,
  headers: { 'x-dibao-token': b.token, 'x-dibao-session': sessions[who], 'x-file-name': encodeURIComponent(name) } });
const fetchOutbox = (name: string, who: string, download = false) =>
  request(`${b.url}api/outbox/${encodeURIComponent(name)}?token=${b.token}&session=${sessions[who] ?? ''}${download ? '&download=1' : ''}`);

const HTML = Buffer.from('<html><script>fetch("/api/call",{method:"POST",body:JSON.stringify({channel:"auth.me"})})</script></html>');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('board photo')]);

beforeAll(async () => {
  s = testServices({ demo: true, households: 30 });
  b = await startWebBridge(s, 0);
  for (const [u, p] of [['admin', 'admin123'], ['jingban', 'demo1234'], ['chakan', 'demo1234'], ['shenhe', 'demo1234']]) {
    const r = await call('auth.login', { username: u, password: p }, '-');
    expect(r.ok).toBe(true);
    sessions[u] = r.value.sessionId;
  }
}, 60_000);
afterAll(() => { b?.close(); s?.close(); });

describe('finding 1: no script through uploads and the outbox', () => {
  it('refuses uploads by content: HTML under any name, and a name that disagrees with the content', async () => {
    for (const name of ['x.html', 'x.pdf', 'x.jpg', 'x.svg', 'x.csv']) {
      const r = await upload(name, HTML);
      expect(r.status, name).toBe(400);
      expect(JSON.parse(r.body).error.code).toBe('BAD_FILE_TYPE');
    }
    expect((await upload('scan.html', PDF)).status).toBe(400);
    expect(fs.existsSync(inboxDir(s.dir)) ? fs.readdirSync(inboxDir(s.dir)).filter((f) => /html|svg/.test(f)) : []).toEqual([]);
    const good = await upload('协议.pdf', PDF);
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body).value.inboxName).toMatch(/协议\.pdf$/);
  });

  it('supervision.files.open copies only a registered scan, under the extension of its content, as an attachment', async () => {
    const stray = JSON.parse((await upload('证明.jpg', JPEG)).body).value.inboxName;
    const r = await call('supervision.files.open', { inboxName: stray }, 'jingban');
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // registered as a custody agreement, but an HTML page planted in the inbox (not through the upload check)
    const planted = 'a1b2c3d4e5f6-协议.pdf';
    fs.writeFileSync(path.join(inboxDir(s.dir), planted), PDF);
    const h = s.handle.sqlite.prepare("SELECT id, head_member_id AS headId FROM households WHERE status = '在保' LIMIT 1").get() as { id: number; headId: number } | undefined;
    expect(h).toBeDefined();
    const custody = await ok(s, 'supervision.custody.save', { householdId: h!.id, memberId: h!.headId, holderName: '张某', holderRelation: '子女',
      reason: '行动不便', startDate: '2026-05-01', agreementFile: planted });
    expect(custody.id).toBeGreaterThan(0);
    fs.writeFileSync(path.join(inboxDir(s.dir), planted), HTML); // swapped behind the app's back
    const refused = await call('supervision.files.open', { inboxName: planted }, 'jingban');
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_FILE_TYPE' } });
    fs.writeFileSync(path.join(inboxDir(s.dir), planted), PDF);
    const opened = await call('supervision.files.open', { inboxName: planted }, 'jingban');
    expect(opened.ok).toBe(true);
    expect(opened.value.name).toMatch(/^协议-[0-9a-f]{24}\.pdf$/);
    const served = await fetchOutbox(opened.value.name, 'jingban');
    expect(served.status).toBe(200);
    expect(served.headers['content-disposition']).toMatch(/^attachment/); // an uploaded PDF is not one of the app's own
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain("default-src 'none'");
    // sensitive.read made it: a 审核人 may not fetch it
    expect((await fetchOutbox(opened.value.name, 'shenhe')).status).toBe(403);
  });

  it('notices.recordPosting accepts only a PDF the app printed as the posted file', async () => {
    const village = (s.handle.sqlite.prepare("SELECT village_id AS id FROM households WHERE status = '在保' LIMIT 1").get() as { id: number }).id;
    const posting = { kind: '长期公示', villageId: village, periodStart: '2026-11-22', postedAt: '2026-11-23', place: '村务公开栏' };
    const uploaded = JSON.parse((await upload('公示.pdf', PDF)).body).value.inboxName;
    for (const printedFile of [uploaded, 'evil.html', '../dibao.db']) {
      expect((await call('notices.recordPosting', { ...posting, printedFile }, 'jingban')).ok, printedFile).toBe(false);
    }
    const ledger = await call('ledgers.exportStats', { period: '2026-10' }, 'jingban');
    expect((await call('notices.recordPosting', { ...posting, printedFile: ledger.value.fileName }, 'jingban')).error.code).toBe('VALIDATION');
    const printed = await call('print.render', { document: 'notice.longterm', args: { villageId: village, date: '2026-11-22' } }, 'jingban');
    expect(printed.ok).toBe(true);
    expect((await call('notices.recordPosting', { ...posting, printedFile: printed.value.outboxName }, 'jingban')).ok).toBe(true);
    const served = await fetchOutbox(printed.value.outboxName, 'chakan');
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toMatch(/^inline/); // the app's own PDF
    expect(served.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await fetchOutbox(printed.value.outboxName, 'chakan', true)).headers['content-disposition']).toMatch(/^attachment/);
  });

  it('never serves a file nobody recorded, whatever its type (a planted .html)', async () => {
    fs.mkdirSync(outboxDir(s.dir), { recursive: true });
    fs.writeFileSync(path.join(outboxDir(s.dir), 'planted.html'), HTML);
    fs.writeFileSync(path.join(outboxDir(s.dir), 'planted.pdf'), PDF);
    for (const name of ['planted.html', 'planted.pdf']) {
      const r = await fetchOutbox(name, 'admin');
      expect(r.status).toBe(404);
      expect(r.headers['content-type']).not.toContain('html');
    }
  });
});

describe('finding 2: outbox downloads follow the permission of the channel that made them', () => {
  it('a 只读 user cannot fetch the roster export refused to them, even knowing its name; names cannot be guessed', async () => {
    const r = await call('ledgers.exportLedger', { name: 'roster', period: '2026-10' }, 'jingban');
    expect(r.ok).toBe(true);
    expect(r.value.fileName).toMatch(/^青溪镇低保对象花名册_2026-10_\d{14}-[0-9a-f]{24}\.xlsx$/);
    expect((await call('ledgers.exportLedger', { name: 'roster', period: '2026-10' }, 'chakan')).error.code).toBe('FORBIDDEN');
    const denied = await fetchOutbox(r.value.fileName, 'chakan');
    expect(denied.status).toBe(403);
    expect(denied.body).not.toContain('PK');
    expect((await fetchOutbox(r.value.fileName, 'nobody')).status).toBe(401);
    const allowed = await fetchOutbox(r.value.fileName, 'jingban');
    expect(allowed.status).toBe(200);
    expect(allowed.headers['content-disposition']).toMatch(/^attachment/);
    // the same name without its random part is not a file
    expect((await fetchOutbox(r.value.fileName.replace(/-[0-9a-f]{24}\.xlsx$/, '.xlsx'), 'jingban')).status).toBe(404);
    // and archive.fileOutbox cannot launder it for a role without the permission either
    const rec = s.handle.sqlite.prepare('SELECT permission FROM outbox_files WHERE name = ?').get(r.value.fileName);
    expect(rec).toEqual({ permission: 'sensitive.read' });
  });
});

describe('finding 8: bad requests get 4xx without echoing the error', () => {
  it('answers malformed JSON, a missing channel and bad encodings with 400 and a fixed Chinese message', async () => {
    const post = (body: string) => request(`${b.url}api/call`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dibao-token': b.token }, body });
    for (const body of ['{not json', '[1,2]', 'null', '"x"', '{"channel":5}', '{"channel":{"a":1}}']) {
      const r = await post(body);
      expect(r.status, body).toBe(400);
      expect(r.body).not.toMatch(/Unexpected|JSON at position|SyntaxError|at /);
      expect(JSON.parse(r.body).error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await request(`${b.url}%E0%A4%A`)).status).toBe(400);
    expect((await fetchOutbox('%E0%A4%A', 'admin')).status).toBe(404);
    expect((await request(`${b.url}api/outbox/%E0%A4%A?token=${b.token}`)).status).toBe(400);
    const cancel = await request(`${b.url}api/cancel`, { method: 'POST', headers: { 'x-dibao-token': b.token }, body: '{oops' });
    expect(cancel.status).toBe(400);
  });
});
