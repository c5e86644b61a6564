import type { CliVerbs } from '../../cli/verbs';

// CLI verbs of the rechecks feature (filled in by its issue). Registered in cli/registry.ts.
export const rechecksVerbs: CliVerbs = {};
