import type { AreaProps } from '../../areas';
import { HouseholdList } from './HouseholdList';
import { NewHousehold } from './NewHousehold';
import { HouseholdPage } from './HouseholdPage';
import { RosterImport } from './RosterImport';
import { Can } from '../../lib/access';
import { DataCheck } from './DataCheck';

/** #/households (list), #/households/new, #/households/import, #/households/health (数据体检), #/households/<id>. */
export default function HouseholdsArea({ path }: AreaProps) {
  if (path[0] === 'new') return <Can channel="households.create" otherwise="note" what="新建户档案"><NewHousehold /></Can>;
  if (path[0] === 'import') return <Can channel="households.importRoster" otherwise="note" what="导入花名册"><RosterImport /></Can>;
  if (path[0] === 'health') return <DataCheck />;
  // Keyed by the id: going to another household (link, URL, back/forward) starts every form on the page afresh.
  if (path[0] && /^\d+$/.test(path[0])) return <HouseholdPage key={path[0]} id={Number(path[0])} />;
  return <HouseholdList />;
}
