import { createServices, type Services } from './services';
import { resolveDataDir } from './paths';
import { allVerbs } from './cli/registry';
import type { CliArgs } from './cli/verbs';
import { toErrorBody } from './ipc/router';

/** Headless entry over the same contract: `npm run -s cli -- <verb> [args] --data-dir DIR`. Prints JSON. */
export function parseArgs(argv: string[]): { words: string[]; flags: CliArgs['flags'] } {
  const words: string[] = [];
  const flags: CliArgs['flags'] = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const next = argv[i + 1];
      if (next !== undefined && (!next.startsWith('--'))) { flags[a.slice(2)] = next; i++; } else flags[a.slice(2)] = true;
    } else words.push(a);
  }
  return { words, flags };
}

async function main(argv: string[]): Promise<number> {
  const { words, flags } = parseArgs(argv);
  const verbs = allVerbs();
  const two = words.slice(0, 2).join(' ');
  const name = verbs[two] ? two : words[0];
  const verb = name ? verbs[name] : undefined;
  const usage = Object.fromEntries(Object.entries(verbs).map(([k, v]) => [k, v.help]));
  if (words[0] === 'help' || words.length === 0) {
    process.stdout.write(JSON.stringify({ ok: true, value: usage }, null, 2) + '\n');
    return 0;
  }
  if (!verb) {
    process.stdout.write(JSON.stringify({ ok: false, error: { code: 'UNKNOWN_VERB', message: `未知命令：${words.join(' ')}`, verbs: usage } }, null, 2) + '\n');
    return 2;
  }
  const dataDir = resolveDataDir(argv);
  let services: Services | undefined;
  try {
    return await verb.run({ positional: words.slice(name!.split(' ').length), flags, dataDir }, {
      services: () => (services ??= createServices(dataDir)),
      out: (v) => process.stdout.write(JSON.stringify(v, null, 2) + '\n'),
      progress: (m) => process.stderr.write(m + '\n'),
    });
  } catch (e) {
    process.stdout.write(JSON.stringify({ ok: false, error: toErrorBody(e) }, null, 2) + '\n');
    return 1;
  } finally {
    services?.close();
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
