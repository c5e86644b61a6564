import type { CliVerbs } from '../../cli/verbs';

// `print <document> --out FILE.pdf [--json ARGS]` and `print --list`, filled in by the print issue.
export const printVerbs: CliVerbs = {};
