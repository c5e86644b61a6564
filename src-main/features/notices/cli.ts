import type { CliVerbs } from '../../cli/verbs';

// CLI verbs of the notices feature (filled in by its issue). Registered in cli/registry.ts.
export const noticesVerbs: CliVerbs = {};
