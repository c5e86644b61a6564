import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, testServices } from '../helpers/services';
import { runStartupJobs } from '../../src-main/startup';
import { inboxDir, outboxDir, saveToInbox } from '../../src-main/ipc/files';

/**
 * Issue 15 (second session) item 2: what interrupted jobs left (half-written uploads, job temp files, outbox files
 * nobody recorded) is removed at start-up, and the log says how much in words with no file name or number in it.
 */
let s: ReturnType<typeof testServices>;
beforeEach(() => { s = testServices({ demo: true, households: 10 }); });
afterEach(() => s.close());

const ID = '510902198001011234';
const HOUR_AGO = new Date(Date.now() - 3_600_000);
function plant(dir: string, name: string, old = true) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, `张三,${ID}\n`);
  // both ages from this process's clock, as the cleanup reads it (under faketime the kernel's mtime is the real day)
  const at = old ? HOUR_AGO : new Date();
  fs.utimesSync(file, at, at);
  return file;
}
const logText = () => fs.readdirSync(path.join(s.dir, 'logs')).map((f) => fs.readFileSync(path.join(s.dir, 'logs', f), 'utf8')).join('\n');

describe('item 2: leftovers of interrupted jobs at start-up', () => {
  it('removes half-written uploads, job temp files and unrecorded outbox files; keeps uploads, recorded files and a running job\'s temp file', async () => {
    const upload = saveToInbox(s.dir, '张三户口本.pdf', Buffer.from('%PDF-1.4\n%%EOF'));
    expect(fs.readdirSync(inboxDir(s.dir)).filter((f) => f.endsWith('.part'))).toEqual([]); // an upload is renamed into place
    const printed = (await ok(s, 'print.render', { document: 'households.list', args: {} })).outboxName as string;
    const gone = [
      plant(inboxDir(s.dir), '.upload-0123456789abcdef.part'),
      plant(outboxDir(s.dir), '.job-0123456789abcdef.xlsx.part'),
      plant(outboxDir(s.dir), '青溪镇低保对象花名册_张三_2026-10.xlsx'),
    ];
    const running = plant(outboxDir(s.dir), '.job-fedcba9876543210.xlsx.part', false); // another process's job, minutes old at most
    await runStartupJobs(s);
    for (const f of gone) expect(fs.existsSync(f), f).toBe(false);
    expect(fs.existsSync(running)).toBe(true);
    expect(fs.existsSync(path.join(inboxDir(s.dir), upload))).toBe(true);
    expect(fs.existsSync(path.join(outboxDir(s.dir), printed))).toBe(true);
    const log = logText();
    expect(log).toContain('启动时清理：删除中断写入的临时文件 2 个、输出目录中无登记的文件 1 个，共 1 KB；上传目录保留已上传文件 1 个');
    expect(log).not.toContain('张三');
    expect(log).not.toContain(ID);
    expect(log).not.toContain('.part');
  });

  it('a start with nothing left over writes no cleaning line', async () => {
    await runStartupJobs(s);
    expect(logText()).not.toContain('启动时清理');
  });
});
