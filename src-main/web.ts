import { createServices } from './services';
import { resolveDataDir } from './paths';
import { startWebBridge } from './ipc/web-bridge';
import { runStartupJobs } from './startup';

/** `npm run web`: the real renderer and the real main-process services on 127.0.0.1, for development and e2e. */
async function main() {
  const argv = process.argv.slice(2);
  const portArg = argv.indexOf('--port');
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : Number(process.env.DIBAO_PORT ?? 5780);
  const started = Date.now();
  const services = createServices(resolveDataDir(argv));
  void services.jobs.warm(); // start the job worker now, so the first print does not wait for it to load
  await runStartupJobs(services);
  const bridge = await startWebBridge(services, port);
  // One JSON line: e2e fixtures read the URL from it.
  process.stdout.write(JSON.stringify({ url: bridge.url, dataDir: services.dataDir, startupMs: Date.now() - started }) + '\n');
  const stop = () => { bridge.close(); services.close(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  process.stderr.write(`无法启动 / cannot start: ${e?.message ?? e}\n`);
  process.exit(1);
});
