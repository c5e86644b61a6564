import { spawn } from 'node:child_process';
import { addMonths } from '../../src-main/domain/payroll';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createServices, CLI_ACTOR } from '../../src-main/services';
import { initialize } from '../../src-main/features/setup/initialize';
import { saveToInbox } from '../../src-main/ipc/files';
import { verifyAuditChain } from '../../src-main/features/audit/chain';
import { DB_FILE_NAME } from '../../src-main/db/connection';
import { largeRoster } from './roster';

/**
 * The crash test: a service process runs a large roster import, a campaign save or a package export and is
 * SIGKILLed at a random moment. After every kill the data dir must pass integrity_check and the audit chain,
 * each operation must be there completely or not at all, and no package folder may verify while incomplete.
 */
export type Op = 'import' | 'campaign' | 'export';
export const OPS: Op[] = ['import', 'campaign', 'export'];

export interface CrashOptions {
  root: string; kills: number; demoHouseholds: number; rosterHouseholds: number; seed: number;
  log?: (line: string) => void;
}
export interface CrashSummary {
  kills: number; finishedBeforeKill: number; rounds: number;
  outcomes: Record<Op, { complete: number; absent: number }>;
  calibrationMs: Record<Op, number>; failures: string[];
}

interface Counts { households: number; members: number; campaigns: number; campaignHouseholds: number; exports: number }
interface Template { dir: string; args: Record<Op, Record<string, string>>; base: Counts }

const DRIVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'driver.ts');
const pad = (n: number) => String(n).padStart(2, '0');
const today = (d = new Date()) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Deterministic delays for a given seed (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

function counts(file: string): Counts {
  const db = new Database(file, { readonly: true });
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  try {
    return { households: n('SELECT COUNT(*) AS n FROM households'), members: n('SELECT COUNT(*) AS n FROM members'),
      campaigns: n('SELECT COUNT(*) AS n FROM campaigns'), campaignHouseholds: n('SELECT COUNT(*) AS n FROM campaign_households'),
      exports: n('SELECT COUNT(*) AS n FROM exchange_exports') };
  } finally { db.close(); }
}

async function prepareTemplate(o: CrashOptions): Promise<Template> {
  const dir = path.join(o.root, 'template');
  const s = createServices(dir);
  s.handle.sqlite.transaction(() => initialize(s.handle.sqlite, {
    township: { name: '青溪镇', divisionCode: '510902105000', county: '示范县' },
    admin: { username: 'admin', displayName: '系统管理员', password: 'admin123' },
    demo: true, seed: o.seed, households: o.demoHouseholds,
  }, today()))();
  const rosterFile = path.join(o.root, '花名册.xlsx');
  await largeRoster(rosterFile, o.rosterHouseholds);
  const inboxName = saveToInbox(dir, '花名册.xlsx', fs.readFileSync(rosterFile));
  s.close();
  createServices(dir).close(); // today's daily backup exists, so the driver processes start like any later start
  const d = today();
  return {
    dir, base: counts(path.join(dir, DB_FILE_NAME)),
    args: { import: { inboxName }, campaign: { scopeDate: d }, export: { period: addMonths(d.slice(0, 7), -1) } }, // last month: the demo closed it, and only a closed month exports
  };
}

/** A fresh copy of the template for one round, with an empty "USB stick" next to it. */
function roundDirs(o: CrashOptions, t: Template, round: number) {
  const base = path.join(o.root, `round-${round}`);
  const data = path.join(base, 'data');
  const usb = path.join(base, 'usb');
  fs.cpSync(t.dir, data, { recursive: true });
  fs.mkdirSync(usb, { recursive: true });
  return { base, data, usb };
}

/** Runs the driver; kills it `killAfterMs` after it reports ready (never when null). */
function runDriver(op: Op, data: string, args: Record<string, string>, killAfterMs: number | null):
  Promise<{ killed: boolean; doneMs: number | null; detail: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', DRIVER, op, data, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = ''; let err = ''; let timer: NodeJS.Timeout | undefined; let killed = false;
    child.stdout.on('data', (d) => {
      out += d;
      if (killAfterMs !== null && !timer && out.includes('ready\n')) {
        timer = setTimeout(() => { killed = child.kill('SIGKILL'); }, killAfterMs);
      }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      const done = /done (\{.*\})/.exec(out);
      const result = done ? JSON.parse(done[1]) : null;
      if (!signal && code !== 0) return reject(new Error(`driver ${op} exited ${code}: ${err.slice(-800)}`));
      resolve({ killed: signal === 'SIGKILL' && killed, doneMs: result?.ms ?? null, detail: result && !result.ok ? JSON.stringify(result.error) : '' });
    });
  });
}

/** Everything the kill may not break; returns the problems and whether the operation is complete or absent. */
async function checkRound(op: Op, data: string, usb: string, t: Template, full: Counts, fullFiles: number):
  Promise<{ problems: string[]; complete: boolean }> {
  const problems: string[] = [];
  const dbFile = path.join(data, DB_FILE_NAME);
  const db = new Database(dbFile); // opening replays or discards the WAL as SQLite would after a crash
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    const chain = verifyAuditChain(db);
    if (!chain.ok) problems.push(`audit chain: ${chain.broken.slice(0, 2).map((b) => b.reason).join('; ')}`);
  } finally { db.close(); }
  const c = counts(dbFile);
  const b = t.base;
  const same = (keys: (keyof Counts)[], ref: Counts) => keys.every((k) => c[k] === ref[k]);
  const keys: Record<Op, (keyof Counts)[]> = { import: ['households', 'members'], campaign: ['campaigns', 'campaignHouseholds'], export: ['exports'] };
  const complete = same(keys[op], full);
  if (!complete && !same(keys[op], b)) problems.push(`${op} half there: ${JSON.stringify(c)} (before ${JSON.stringify(b)}, complete ${JSON.stringify(full)})`);
  if (op === 'export') problems.push(...await checkPackages(data, usb, fullFiles, complete));
  return { problems, complete };
}

/** A package folder either fails verification or is complete; a recorded export has a verified package. */
async function checkPackages(data: string, usb: string, fullFiles: number, recorded: boolean): Promise<string[]> {
  const problems: string[] = [];
  const folders = fs.readdirSync(usb, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(usb, e.name));
  const s = createServices(data);
  let verified = 0;
  try {
    for (const dir of folders) {
      const r = await s.router.call({ channel: 'ledgers.verifyPackage', input: { dir }, actor: CLI_ACTOR });
      const v = r.ok ? r.value as { ok: boolean; manifest: { files: { name: string }[] } | null } : null;
      if (!v?.ok) continue;
      verified++;
      const files = v.manifest?.files ?? [];
      const missing = files.filter((f) => !fs.existsSync(path.join(dir, f.name)));
      // Fewer files than a complete export = incomplete (more can appear when the export code itself changed).
      if (files.length < fullFiles || missing.length) problems.push(`package ${path.basename(dir)} verifies but has ${files.length - missing.length}/${fullFiles} files`);
    }
  } finally { s.close(); }
  if (recorded && verified === 0) problems.push('export recorded in the database but no verified package on the drive');
  return problems;
}

export async function crashTest(o: CrashOptions): Promise<CrashSummary> {
  const log = o.log ?? (() => {});
  fs.mkdirSync(o.root, { recursive: true });
  const t = await prepareTemplate(o);
  const summary: CrashSummary = { kills: 0, finishedBeforeKill: 0, rounds: 0, failures: [],
    outcomes: { import: { complete: 0, absent: 0 }, campaign: { complete: 0, absent: 0 }, export: { complete: 0, absent: 0 } },
    calibrationMs: { import: 0, campaign: 0, export: 0 } };
  const full = {} as Record<Op, Counts>;
  const fullFiles = {} as Record<Op, number>;
  for (const op of OPS) {
    const r = roundDirs(o, t, -OPS.indexOf(op) - 1);
    const run = await runDriver(op, r.data, { ...t.args[op], destination: r.usb }, null);
    if (run.detail) throw new Error(`${op} does not succeed even without a kill: ${run.detail}`);
    summary.calibrationMs[op] = run.doneMs ?? 0;
    full[op] = counts(path.join(r.data, DB_FILE_NAME));
    const pkg = fs.readdirSync(r.usb).map((n) => path.join(r.usb, n, 'manifest.json')).find((f) => fs.existsSync(f));
    fullFiles[op] = pkg ? (JSON.parse(fs.readFileSync(pkg, 'utf8')).files as unknown[]).length : 0;
    fs.rmSync(r.base, { recursive: true, force: true });
    log(`calibrated ${op}: ${summary.calibrationMs[op]} ms`);
  }
  const random = rng(o.seed);
  for (let round = 0; summary.kills < o.kills; round++) {
    const op = OPS[round % OPS.length];
    const r = roundDirs(o, t, round);
    const delay = Math.floor(random() * summary.calibrationMs[op] * 1.1);
    const run = await runDriver(op, r.data, { ...t.args[op], destination: r.usb }, delay);
    summary.rounds++;
    if (run.killed) summary.kills++; else summary.finishedBeforeKill++;
    const check = await checkRound(op, r.data, r.usb, t, full[op], fullFiles[op]);
    summary.outcomes[op][check.complete ? 'complete' : 'absent']++;
    if (check.problems.length) summary.failures.push(`round ${round} ${op} killed at ${delay} ms: ${check.problems.join(' | ')} (kept in ${r.base})`);
    else fs.rmSync(r.base, { recursive: true, force: true });
    log(`round ${round} ${op} ${run.killed ? `killed at ${delay} ms` : 'finished first'} -> ${check.complete ? 'complete' : 'absent'}${check.problems.length ? ` PROBLEMS ${check.problems.join(' | ')}` : ''}`);
  }
  return summary;
}
