import type { DemoExtension } from '../demo/extensions';

const LEADERS = ['刘副镇长', '陈人大主席', '张武装部长', '杨纪委书记', '何组织委员', '罗宣传委员'];
const CADRES = ['周驻村', '吴驻村', '郑驻村', '孙驻村', '钱驻村', '冯驻村'];

/**
 * A realistic recheck history for the demo: most paid households were rechecked within the last year (a few are
 * overdue, as in any office), and each village has its 驻村领导, 驻村干部 and 村干部 for campaign teams.
 */
export const rechecksDemo: DemoExtension = (sqlite, { rng, today }) => {
  const now = new Date().toISOString();
  const villages = sqlite.prepare("SELECT id, name FROM regions WHERE level = 'village' ORDER BY sort, id").all() as { id: number; name: string }[];
  const team = sqlite.prepare('INSERT INTO team_members (name, role, phone, village_id, created_at) VALUES (?, ?, ?, ?, ?)');
  villages.forEach((v, i) => {
    team.run(LEADERS[i % LEADERS.length], '驻村领导', '', v.id, now);
    team.run(CADRES[i % CADRES.length], '驻村干部', '', v.id, now);
    team.run(`${v.name.slice(0, 2)}村主任`, '村干部', '', v.id, now);
  });
  const paid = sqlite.prepare("SELECT id FROM households WHERE status IN ('在保', '渐退') ORDER BY id").all() as { id: number }[];
  const record = sqlite.prepare(`INSERT INTO recheck_records (household_id, kind, date, outcome, findings, checked_by, created_at)
    VALUES (?, '定期复核', ?, '维持', '入户核查，家庭情况无明显变化', '李经办', ?)`);
  for (const { id } of paid) {
    const monthsAgo = rng.weighted([[rng.int(1, 5), 70], [rng.int(6, 11), 22], [rng.int(12, 20), 8]] as const);
    record.run(id, shiftMonths(today, -monthsAgo, rng.int(1, 28)), now);
  }
};

function shiftMonths(iso: string, months: number, day: number): string {
  const [y, m] = iso.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + months, day));
  return d.toISOString().slice(0, 10);
}
