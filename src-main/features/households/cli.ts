import type { CliVerbs } from '../../cli/verbs';

// CLI verbs of the households feature (filled in by its issue). Registered in cli/registry.ts.
export const householdsVerbs: CliVerbs = {};
