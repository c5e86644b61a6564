import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces';
import { defineDocument } from '../../../print/document';
import { dataTable, mm, titleBlock, type Column } from '../../../print/layout';
import { cnDate } from '../../../print/format';
import { getTownship } from '../../settings/store';
import { getRegion } from '../../regions/channels';
import { getCampaign, teamsOf, villageHouseholds, TEAM_ROLES } from '../campaigns';

const yuan = (fen: number | null) => (fen == null ? '' : (fen / 100).toFixed(2).replace(/\.00$/, ''));

const COLUMNS: Column[] = [
  { header: '序号', width: 24, align: 'center' }, { header: '组', width: 34 }, { header: '户主', width: 48 },
  { header: '家庭人口', width: 30, align: 'center' }, { header: '保障类别', width: 50 }, { header: '原月保障金（元）', width: 46, align: 'right' },
  { header: '重点复核类别', width: 56 }, { header: '入户日期', width: 58 }, { header: '核查情况', width: '*' },
  { header: '处理意见', width: 40, align: 'center' }, { header: '调整后金额（元）', width: 46, align: 'right' }, { header: '理由', width: 90 },
];

/**
 * 清理核实登记表 (seed 001): one village's households in a campaign with the outcome columns, signed by the team's
 * 驻村领导, 驻村干部 and 村干部 on every page (the footer), so no page of a long list can be swapped unsigned.
 * Rows are at least 11 mm high so the blank columns can be written in by hand.
 * Blank = columns left for the team to write in; filled = what was recorded.
 */
const ROW_MIN_MM = 11;
export const signoffSheet = defineDocument({
  name: 'rechecks.signoff',
  title: '清理核实登记表',
  public: false,
  orientation: 'landscape',
  input: z.object({ campaignId: z.number().int().positive(), villageId: z.number().int().positive(), filled: z.boolean().default(false) }),
  build(ctx, a) {
    const campaign = getCampaign(ctx.sqlite, a.campaignId);
    const village = getRegion(ctx.sqlite, a.villageId);
    const township = getTownship(ctx.sqlite)?.name ?? '';
    const { rows } = villageHouseholds(ctx.sqlite, a.campaignId, a.villageId);
    const body = rows.map((r, i) => [i + 1, r.group ?? '', r.headName, r.memberCount, r.category, yuan(r.amountBeforeFen),
      r.flags.join('、'), ...(a.filled ? [cnDate(r.visitDate), [r.findings, r.checkResult].filter(Boolean).join('；'), r.outcome ?? '',
        r.outcome && r.outcome !== '维持' ? yuan(r.newAmountFen) : '', r.reason] : ['', '', '', '', ''])]);
    const team = teamsOf(ctx.sqlite, a.campaignId, a.villageId).get(a.villageId) ?? [];
    const content: Content[] = [
      ...titleBlock(`${township}${village.name}城乡低保清理核实登记表`, campaign.name),
      { text: `统计时点：${cnDate(campaign.scope_date)}　　共 ${rows.length} 户　　重点复核类别：1已死亡 2养老金 3失业金 4公积金 5机动车 6营业房/2套及以上住房 7离异迁出等 8收入达标 9其它`, style: 'small', margin: [0, 0, 0, 4] },
      dataTable(COLUMNS, body, { fontSize: 9, minRowHeightMm: ROW_MIN_MM }),
      teamAndDate(team),
    ];
    return { content, fileName: `清理核实登记表-${village.name}`, headerText: campaign.name, footerSigners: [...TEAM_ROLES] };
  },
});

/** After the list: who the team is (printed names, to match the signatures on each page) and the date line. */
function teamAndDate(team: { name: string; role: string }[]): Content {
  const names = TEAM_ROLES.map((role) => `${role}：${team.filter((t) => t.role === role).map((t) => t.name).join('、') || '__________'}`);
  return {
    unbreakable: true, margin: [0, mm(6), 0, 0],
    columns: [{ text: `核实小组　${names.join('　')}`, width: '*' }, { text: '日期：______年____月____日', width: 'auto' }],
  };
}
