import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, CLI_ACTOR, type Services } from '../src-main/services';
import { initialize } from '../src-main/features/setup/initialize';
import { probeWhile } from './probe';
import { emitRows } from './emit';
import type { BenchRow } from './lib';

/**
 * Issue 17 item 3: for each long job, a probe query every 20 ms while it runs; the longest event-loop stall and the
 * worst probe answer, with the job's worker jobs run in a worker thread (as shipped) beside the same jobs run in
 * the main thread (as before the job engine). Target: longest stall < 100 ms for every job. 1,000-household demo.
 */
const HOUSEHOLDS = Number(process.env.RESPONSIVENESS_HOUSEHOLDS ?? 1000);
const only = process.env.RESPONSIVENESS_ONLY;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-bench-resp-'));
const PERIOD = (() => { const d = new Date(); d.setDate(1); d.setMonth(d.getMonth() - 1); return d.toISOString().slice(0, 7); })();

function township(name: string, jobsInline: boolean): Services {
  const s = createServices(path.join(root, name), { jobsInline });
  s.handle.sqlite.transaction(() => initialize(s.handle.sqlite, {
    township: { name: '青溪镇', divisionCode: '510902105000', county: '示范县' },
    admin: { username: 'admin', displayName: '管理员', password: 'admin123' }, demo: true, seed: 11, households: HOUSEHOLDS,
  }, new Date().toISOString().slice(0, 10)))();
  return s;
}

/** The long jobs a clerk starts from the window, each as one router call. */
const jobs: { name: string; channel: string; input: (dir: string) => unknown }[] = [
  { name: '长期公示 whole township (print.render)', channel: 'print.render', input: () => ({ document: 'notice.longterm', args: {} }) },
  { name: '低保对象花名册 export (ledgers.exportLedger)', channel: 'ledgers.exportLedger', input: () => ({ name: 'roster', period: PERIOD }) },
  { name: '月度统计表 export (ledgers.exportStats)', channel: 'ledgers.exportStats', input: () => ({ period: PERIOD }) },
  { name: '报送包 export (ledgers.exportPackage)', channel: 'ledgers.exportPackage', input: () => ({ period: PERIOD, destination: fs.mkdtempSync(path.join(root, 'usb-')), acceptFailedChecks: true }) },
  { name: '立即备份 (backup.create)', channel: 'backup.create', input: () => ({}) },
  { name: '近亲属 全面比对 (supervision.cases.rescan)', channel: 'supervision.cases.rescan', input: () => ({}) },
  { name: '数据体检 (health.run, forced)', channel: 'health.run', input: () => ({ force: true }) },
];

const rows: BenchRow[] = [];
const worker = township('worker', false);
const inline = township('inline', true);
try {
  // warm both: module loading, fonts and the worker's start are not what a clerk waits for on the second job
  await worker.router.call({ channel: 'print.render', input: { document: 'notice.longterm', args: {} }, actor: CLI_ACTOR });
  await inline.router.call({ channel: 'print.render', input: { document: 'notice.longterm', args: {} }, actor: CLI_ACTOR });
  for (const j of jobs.filter((x) => !only || x.channel.includes(only))) {
    const run = (s: Services) => probeWhile(s.router, async () => {
      const r = await s.router.call({ channel: j.channel, input: j.input(s.dataDir), actor: CLI_ACTOR });
      if (!r.ok) throw new Error(`${j.channel}: ${r.error.message}`);
      return r.value;
    });
    const before = await run(inline);
    const after = await run(worker);
    process.stderr.write(`${j.name}: ${after.ms.toFixed(0)} ms (${after.probes} probes) vs inline ${before.ms.toFixed(0)} ms (${before.probes} probes)\n`);
    rows.push({ name: `${j.name}: longest event-loop stall (baseline: in the main thread)`, value: after.stallMs, unit: 'ms', target: '< 100 ms', baseline: before.stallMs, ratio: after.stallMs / before.stallMs });
    rows.push({ name: `${j.name}: worst probe answer (baseline: in the main thread)`, value: after.worstProbeMs, unit: 'ms', baseline: before.worstProbeMs });
    rows.push({ name: `${j.name}: job time (baseline: in the main thread)`, value: after.ms, unit: 'ms', baseline: before.ms, ratio: after.ms / before.ms });
  }
} catch (e) {
  printLoggedErrors(); // the data dirs (and their logs) go with the temp root
  throw e;
} finally {
  worker.close(); inline.close();
  fs.rmSync(root, { recursive: true, force: true });
}
emitRows(rows);

function printLoggedErrors() {
  for (const name of ['worker', 'inline']) {
    const dir = path.join(root, name, 'logs');
    for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const errors = fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => / ERROR /.test(l));
      if (errors.length) process.stderr.write(`${name} log:\n${errors.join('\n').slice(-4000)}\n`);
    }
  }
}
