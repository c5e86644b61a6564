import type { CliVerbs } from '../../cli/verbs';

// CLI verbs of the archive feature (filled in by its issue). Registered in cli/registry.ts.
export const archiveVerbs: CliVerbs = {};
