import type { CliVerbs } from './verbs';
import { coreVerbs } from './core';
import { householdsVerbs } from '../features/households/cli';
import { applicationsVerbs } from '../features/applications/cli';
import { noticesVerbs } from '../features/notices/cli';
import { rechecksVerbs } from '../features/rechecks/cli';
import { archiveVerbs } from '../features/archive/cli';
import { ledgersVerbs } from '../features/ledgers/cli';
import { supervisionVerbs } from '../features/supervision/cli';
import { backupVerbs } from '../features/backup/cli';
import { printVerbs } from '../features/print/cli';

const groups: CliVerbs[] = [coreVerbs, householdsVerbs, applicationsVerbs, noticesVerbs, rechecksVerbs,
  archiveVerbs, ledgersVerbs, supervisionVerbs, backupVerbs, printVerbs];

/**
 * Every verb by name ("init", "import roster", "print" …). A verb declared twice is a programming error.
 * `check` is composed: features may add checks through cli/checks.ts.
 */
export function allVerbs(): CliVerbs {
  const all: CliVerbs = {};
  for (const g of groups) {
    for (const [name, verb] of Object.entries(g)) {
      if (name in all) throw new Error(`CLI verb declared twice: ${name}`);
      all[name] = verb;
    }
  }
  return all;
}
