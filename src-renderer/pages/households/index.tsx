import type { AreaProps } from '../../areas';
import { HouseholdList } from './HouseholdList';
import { NewHousehold } from './NewHousehold';
import { HouseholdPage } from './HouseholdPage';
import { RosterImport } from './RosterImport';

/** #/households (list), #/households/new, #/households/import, #/households/<id>. */
export default function HouseholdsArea({ path }: AreaProps) {
  if (path[0] === 'new') return <NewHousehold />;
  if (path[0] === 'import') return <RosterImport />;
  if (path[0] && /^\d+$/.test(path[0])) return <HouseholdPage id={Number(path[0])} />;
  return <HouseholdList />;
}
