import { z } from 'zod';
import { defineDocument } from '../../print/document';
import { dataTable, signatureBlock, titleBlock } from '../../print/render';
import { yuan } from '../../print/format';
import { monthlyStats } from './stats';
import { PERIOD_RE, periodLabel } from './period';
import { requireTownship } from './registry';

/** 月度统计表 as a landscape A4 page for the county (counts only, no personal data), signed and sealed by the township. */
export const monthlyStatsDocument = defineDocument({
  name: 'ledgers.monthlyStats', title: '城乡低保、特困供养月度统计表', public: false, orientation: 'landscape',
  input: z.object({ period: z.string().regex(PERIOD_RE, '统计月份应为 YYYY-MM') }),
  build(ctx, { period }) {
    const t = requireTownship(ctx.sqlite);
    const s = monthlyStats(ctx.sqlite, period, t);
    const rows = [...s.rows, s.total].map((r) => [r.category, r.households, r.persons, r.women, r.elderly, r.minors, r.disabled,
      `${r.newHouseholds}/${r.newPersons}`, `${r.exitHouseholds}/${r.exitPersons}`, yuan(r.fundsFen), yuan(r.ytdFen), r.perCapitaYuan]);
    const num = { width: 'auto' as const, align: 'right' as const };
    return {
      fileName: `${t.name}月度统计表_${period}`,
      content: [
        ...titleBlock(`${t.name}城乡低保、特困供养月度统计表`, `${periodLabel(period)}　填报单位：${t.name}（${t.divisionCode}）`),
        dataTable([{ header: '保障类别', width: '*' }, { header: '户数', ...num }, { header: '人数', ...num }, { header: '女', ...num },
          { header: '老年人', ...num }, { header: '未成年人', ...num }, { header: '残疾人', ...num }, { header: '当月新增户/人', ...num },
          { header: '当月退出户/人', ...num }, { header: '当月发放资金（元）', ...num }, { header: '本年累计（元）', ...num },
          { header: '当月人均补助额（元）', ...num }], rows, { fontSize: 9.5 }),
        { text: `数据校验：${s.checksOk ? '全部通过' : s.checks.filter((c) => !c.ok).map((c) => `${c.name}未通过（${c.detail}）`).join('；')}`, fontSize: 9, margin: [0, 6, 0, 0] },
        { text: s.note, fontSize: 9, color: '#555555' },
        signatureBlock({ org: t.name, date: '', signers: ['单位负责人', '审核人', '填表人'], seal: true }),
      ],
    };
  },
});

export const ledgersDocuments = [monthlyStatsDocument];
