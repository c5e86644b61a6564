import { LABOUR_CAPACITY, POVERTY_CAUSES } from '../../domain/glossary';
import type { MonthlyStats } from './stats';
import type { StatsRow } from './statsRules';
import type { LedgerColumn, LedgerRow, LedgerSheet } from './xlsx';
import { periodLabel } from './period';

const cnDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** The monthly statistics workbook: the 德化-style table, seed 002's 进展情况 items, and the cross-check results. */
export function statsSheets(s: MonthlyStats): LedgerSheet[] {
  const when = periodLabel(s.period);
  const columns: LedgerColumn[] = [
    { key: 'category', header: '保障类别', width: 12 },
    ...(['households', 'persons', 'men', 'women', 'elderly', 'minors', 'disabled'] as const).map((k) =>
      ({ key: k, header: ({ households: '户数', persons: '人数', men: '男', women: '女', elderly: '老年人（60岁以上）', minors: '未成年人', disabled: '残疾人' })[k], kind: 'int' as const, width: 6 })),
    ...LABOUR_CAPACITY.map((k) => ({ key: `labour:${k}`, header: `劳动能力：${k}`, kind: 'int' as const, width: 7 })),
    ...POVERTY_CAUSES.map((k) => ({ key: `cause:${k}`, header: `致贫原因：${k}`, kind: 'int' as const, width: 6 })),
    { key: 'newHouseholds', header: '当月新增户数', kind: 'int', width: 6 },
    { key: 'newPersons', header: '当月新增人数', kind: 'int', width: 6 },
    { key: 'exitHouseholds', header: '当月退出户数', kind: 'int', width: 6 },
    { key: 'exitPersons', header: '当月退出人数', kind: 'int', width: 6 },
    { key: 'fundsFen', header: '当月发放资金（元）', kind: 'yuan', width: 12 },
    { key: 'ytdFen', header: '本年累计发放资金（元）', kind: 'yuan', width: 14 },
    { key: 'perCapitaYuan', header: '当月人均补助额（元）', kind: 'int', width: 8 },
  ];
  const reviewer = s.payroll?.closedByName ?? '';
  const filed = s.payroll?.closedOn ? cnDate(s.payroll.closedOn) : '　　年　月　日';
  const signOff = `单位负责人：＿＿＿＿＿＿　　审核人：${reviewer || '＿＿＿＿＿＿'}　　填表人：＿＿＿＿＿＿　　联系电话：＿＿＿＿＿＿`;
  const state = s.payroll?.closed ? `发放名册已锁定（${filed}，${reviewer}）` : '发放名册尚未锁定（草稿，不能报送）';
  return [
    { name: '月度统计表', title: `${s.township.name}城乡低保、特困供养月度统计表（${when}）`, columns, rows: [...s.rows, s.total].map(flatRow),
      subtitle: `填报单位（盖章）：${s.township.name}　　统计月份：${when}　　${state}`, footer: [s.note, signOff], printScale: 80 },
    { name: '进展情况统计表', title: '全县困难群众救助保障政策落实专项治理进展情况统计表',
      subtitle: `填报单位（盖章）：${s.township.name}　　统计月份：${when}　　填报时间：${filed}`,
      columns: [{ key: 'seq', header: '序号', kind: 'int', width: 5 }, { key: 'section', header: '项目名称', width: 27 },
        { key: 'label', header: '工作措施', width: 46 }, { key: 'value', header: '数量', kind: 'int', width: 8 }, { key: 'unit', header: '单位', width: 4 },
        { key: 'source', header: '来源', width: 8 }],
      rows: s.progress.map((p, i) => ({ seq: i + 1, section: p.section ?? '', label: p.label, unit: p.unit === '日期' ? '' : p.unit,
        value: p.value, source: p.source ?? '系统统计' })),
      footer: [signOff, '备注：所统计的数据不累计，只填报当月发生的数据，于每月4日前填报好相关情况上报县民政局社会救助股。'], printScale: 80 },
    { name: '数据校验', title: `${s.township.name}月度统计表数据校验（${when}）`,
      columns: [{ key: 'seq', header: '序号', kind: 'int', width: 5 }, { key: 'name', header: '校验项', width: 30 },
        { key: 'result', header: '结果', width: 6 }, { key: 'detail', header: '说明', width: 60 }],
      rows: [...s.checks.map((c, i) => ({ seq: i + 1, name: c.name, result: c.ok ? '通过' : '未通过', detail: c.detail })),
        { seq: s.checks.length + 1, name: '口径说明', result: '', detail: s.note }], printScale: 80 },
  ];
}

function flatRow(r: StatsRow): LedgerRow {
  const out: LedgerRow = { ...r, labour: undefined, causes: undefined };
  for (const [k, v] of Object.entries(r.labour)) out[`labour:${k}`] = v;
  for (const [k, v] of Object.entries(r.causes)) out[`cause:${k}`] = v;
  return out;
}
