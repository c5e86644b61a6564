import type { Services } from '../services';

export interface CliArgs {
  /** Positional words after the verb. */
  positional: string[];
  /** --flag value / --flag (true). */
  flags: Record<string, string | true>;
  dataDir: string;
}

export interface CliEnv {
  /** Opens the data dir's services (database migrated). Closed by the CLI after the verb. */
  services(): Services;
  /** Writes one JSON document to stdout. */
  out(value: unknown): void;
  /** A progress line on stderr (stdout stays clean JSON). */
  progress(message: string): void;
}

/** A verb returns the process exit code. */
export type CliVerb = { help: string; run(args: CliArgs, env: CliEnv): Promise<number> | number };
export type CliVerbs = Record<string, CliVerb>;
