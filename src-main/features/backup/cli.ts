import type { CliVerbs } from '../../cli/verbs';

// CLI verbs of the backup feature (filled in by its issue). Registered in cli/registry.ts.
export const backupVerbs: CliVerbs = {};
