// Demo rows for supervision: staff and village cadres, relatives who are members of demo households (so the
// demo shows flagged households), complaints, bank-card custody and this year's 专项治理 ledger.
import type { DemoExtension } from '../demo/extensions';
import { makeIdNumber } from '../../domain/idNumber';
import { matchAll } from './matching';
import { addDays } from './rules';
import { GOVERNANCE_TEMPLATE } from './template';

const STAFF_NAMES = ['周明华', '吴建军', '郑丽娟', '孙国庆', '冯春梅', '陈志刚', '褚秀兰', '卫海涛', '蒋永红', '沈德胜', '韩玉珍', '杨宏伟',
  '朱春来', '秦红霞', '尤志明', '许翠兰', '何德全', '吕小燕'];
const CADRE_POSTS = ['党支部书记、主任', '副主任', '委员', '妇女主任', '会计'];
const OUTSIDE_RELATIVES = [['周明军', '兄弟姐妹'], ['吴秀珍', '父母'], ['孙丽', '子女']] as const;

export const supervisionDemo: DemoExtension = (sqlite, { rng, today, region6 }) => {
  const now = new Date().toISOString();
  let seq = 900;
  const person = (name: string, year: number) => ({ name, id: makeIdNumber(region6, `${year}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`, (seq += 2), rng.chance(0.5)) });
  const insStaff = sqlite.prepare(`INSERT INTO supervised_staff (kind, name, id_number, unit, village_id, post, term_start, term_end, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const year = Number(today.slice(0, 4));
  const staffIds: number[] = [];
  STAFF_NAMES.slice(0, 3).forEach((n, k) => {
    const p = person(n, rng.int(1970, 1990));
    staffIds.push(Number(insStaff.run('低保经办人员', p.name, p.id, '镇民政办', null, k === 0 ? '低保专干' : '经办人', `${year - 3}-01-01`, null, now, now).lastInsertRowid));
  });
  const villages = sqlite.prepare("SELECT id, name FROM regions WHERE level = 'village' ORDER BY sort, id LIMIT 6").all() as { id: number; name: string }[];
  villages.forEach((v, k) => {
    for (let c = 0; c < 2; c++) {
      const p = person(STAFF_NAMES[3 + k * 2 + c], rng.int(1965, 1988));
      staffIds.push(Number(insStaff.run('村(居)委会成员', p.name, p.id, `${v.name}委员会`, v.id, CADRE_POSTS[c === 0 ? 0 : rng.int(1, 4)],
        `${year - 2}-01-01`, `${year + 3}-01-01`, now, now).lastInsertRowid));
    }
  });
  const insRel = sqlite.prepare('INSERT INTO staff_relatives (staff_id, name, id_number, relation, declared_date, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const onBenefit = sqlite.prepare(`SELECT m.name, m.id_number AS idNumber, m.household_id AS householdId FROM members m JOIN households h ON h.id = m.household_id
    WHERE h.status = '在保' AND m.state = '在户' ORDER BY m.id`).all() as { name: string; idNumber: string; householdId: number }[];
  for (let k = 0; k < 5 && onBenefit.length > 0; k++) {
    const m = onBenefit[rng.int(0, onBenefit.length - 1)];
    insRel.run(rng.pick(staffIds), m.name, m.idNumber, rng.pick(['兄弟姐妹', '父母', '子女', '配偶'] as const), addDays(today, -rng.int(30, 300)), now);
  }
  for (const [name, relation] of OUTSIDE_RELATIVES) insRel.run(rng.pick(staffIds), name, person(name, rng.int(1950, 1995)).id, relation, today, now);
  const matches = matchAll({ sqlite, audit: () => {} });
  for (const id of matches.slice(0, 3)) {
    sqlite.prepare('UPDATE relative_matches SET filing_no = ?, filed_date = ?, county_visit_date = ?, county_visit_by = ? WHERE id = ?')
      .run(`备-${year}-${String(id).padStart(3, '0')}`, addDays(today, -rng.int(20, 60)), addDays(today, -rng.int(1, 19)), '县民政局社会救助股', id);
  }
  demoComplaints(sqlite, rng, today, now, onBenefit.map((m) => m.householdId));
  demoCustody(sqlite, rng, today, now, onBenefit, staffIds);
  demoGovernance(sqlite, year, now);
};

type Rng = Parameters<DemoExtension>[1]['rng'];

function demoComplaints(sqlite: Parameters<DemoExtension>[0], rng: Rng, today: string, now: string, householdIds: number[]) {
  const ins = sqlite.prepare(`INSERT INTO complaints (received_date, channel, anonymous, reporter_name, reporter_contact, content, handler, deadline, steps, result,
    closed_date, transferred_date, transferred_to, reply_date, reply_content, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '演示数据', ?, ?)`);
  const link = sqlite.prepare('INSERT INTO complaint_households (complaint_id, household_id) VALUES (?, ?)');
  const rows: [number, string, boolean, string, string, string, boolean, boolean][] = [
    [90, '电话', false, '刘桂芳', '13812345678', '反映邻居家有小轿车仍享受低保，要求核查', true, false],
    [75, '来信', true, '', '', '举报村干部亲属违规享受低保', true, true],
    [20, '来访', false, '马长贵', '13987654321', '咨询申请低保需要的材料，反映村里不给受理', false, false],
    [10, '上级转办', false, '何春生', '0813-5201234', '县信访局转办：反映低保金被他人代领', false, false],
  ];
  for (const [ago, ch, anon, name, contact, content, closed, transferred] of rows) {
    const received = addDays(today, -ago);
    const deadline = addDays(received, ch === '上级转办' ? 5 : 60);
    const r = ins.run(received, ch, anon ? 1 : 0, name, contact, content, '李经办', deadline, closed ? '入户核实，查阅档案，约谈村干部' : '已安排入户核实',
      closed ? '经核实，情况属实，已按程序停保' : '', closed ? addDays(received, 30) : null, transferred ? addDays(received, 12) : null,
      transferred ? '镇纪委' : '', closed && !anon ? addDays(received, 35) : null, closed && !anon ? '电话答复反映人核查结果' : '', now, now);
    if (householdIds.length) link.run(Number(r.lastInsertRowid), householdIds[rng.int(0, householdIds.length - 1)]);
  }
}

function demoCustody(sqlite: Parameters<DemoExtension>[0], rng: Rng, today: string, now: string, members: { name: string; householdId: number }[], staffIds: number[]) {
  if (members.length === 0) return;
  const ins = sqlite.prepare(`INSERT INTO card_custody (household_id, member_id, bank_name, holder_name, holder_id_number, holder_relation, holder_is_staff, reason,
    start_date, filed_date, note, created_at, updated_at) VALUES (?, (SELECT head_member_id FROM households WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`);
  const cadre = sqlite.prepare('SELECT name, id_number AS idNumber FROM supervised_staff WHERE id = ?').get(staffIds[staffIds.length - 1]) as { name: string; idNumber: string };
  const plan = [['李秀英', '子女', false, '本人年老行动不便，委托女儿代为支取'], [cadre.name, '无亲属关系', true, '本人重度残疾、无监护人，经本人同意由村干部代管'],
    ['王建国', '兄弟姐妹', false, '本人长期住院，委托兄长代为支取']] as const;
  plan.forEach(([holder, relation, staff, reason], k) => {
    const hh = members[rng.int(0, members.length - 1)].householdId;
    ins.run(hh, hh, '农村信用社', holder, staff ? cadre.idNumber : '', relation, staff ? 1 : 0, reason, addDays(today, -rng.int(60, 400)), k === 0 ? addDays(today, -30) : null, now, now);
  });
}

function demoGovernance(sqlite: Parameters<DemoExtension>[0], year: number, now: string) {
  const ledgerId = Number(sqlite.prepare('INSERT INTO governance_ledgers (year, title, created_at) VALUES (?, ?, ?)')
    .run(year, `${year}年城乡低保专项治理工作台账`, now).lastInsertRowid);
  const ins = sqlite.prepare(`INSERT INTO governance_tasks (ledger_id, seq, section, title, content, deadline, deadline_note, responsible, status, progress, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  GOVERNANCE_TEMPLATE.forEach((t, k) => ins.run(ledgerId, k + 1, t.section, t.title, t.content, `${year}-${t.deadlineMonthDay}`, t.deadlineNote,
    k < 3 ? '镇民政办 周明华' : '镇民政办', k < 2 ? '已完成' : k < 5 ? '进行中' : '未开始', k < 2 ? '已完成全面核查，建立问题清单' : '', now));
}
