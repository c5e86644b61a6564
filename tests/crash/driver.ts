/**
 * One service process for the crash test: opens the data dir like the app does, says "ready", runs one
 * operation through the router and says "done". The crash test SIGKILLs it at a random moment in between.
 *   tsx tests/crash/driver.ts <import|campaign|export> <dataDir> <json args>
 */
import { createServices, CLI_ACTOR } from '../../src-main/services';

const [op, dataDir, json = '{}'] = process.argv.slice(2);
const args = JSON.parse(json) as Record<string, string>;
const services = createServices(dataDir);

const calls: Record<string, () => { channel: string; input: unknown }> = {
  import: () => ({ channel: 'households.importRoster', input: { inboxName: args.inboxName, dryRun: false } }),
  campaign: () => ({ channel: 'rechecks.campaigns.create', input: { name: '崩溃测试专项行动', scopeDate: args.scopeDate } }),
  export: () => ({ channel: 'ledgers.exportPackage', input: { period: args.period, destination: args.destination, acceptFailedChecks: true } }),
};

async function main() {
  const make = calls[op];
  if (!make) throw new Error(`unknown op ${op}`);
  const started = Date.now();
  process.stdout.write('ready\n');
  const r = await services.router.call({ ...make(), actor: CLI_ACTOR, jobId: 'crash' });
  services.close();
  process.stdout.write(`done ${JSON.stringify({ ms: Date.now() - started, ok: r.ok, error: r.ok ? null : r.error })}\n`);
}

main().catch((e) => { process.stderr.write(String(e?.stack ?? e)); process.exit(1); });
