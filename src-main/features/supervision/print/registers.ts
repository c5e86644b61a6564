import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces';
import { defineDocument } from '../../../print/document';
import { dataTable, titleBlock, type Column } from '../../../print/layout';
import { cnDate, yuan } from '../../../print/format';
import { getTownship } from '../../settings/store';
import { caseRows, CASE_FILTERS } from '../cases';
import { maskContact, overdueDays, todayIso } from '../rules';
import { maskIdNumber } from '../../../domain/idNumber';

// Registers for the county inspector: every relative on 低保 with its filing, every complaint with its
// handling, every held bank card. Personal numbers are masked (these sheets leave the office).

const ALL = 100_000;
const township = (sqlite: Parameters<typeof getTownship>[0]) => getTownship(sqlite)?.name ?? '';
const c = (header: string, width: Column['width'], align?: Column['align']): Column => ({ header, width, align });
/** Wide enough for 2026年12月22日 on one line at 8.5 pt: a date split over two lines of a cell is misread. */
const DATE_W = 68;

export const casesLedger = defineDocument({
  name: 'supervision.casesLedger',
  title: '近亲属享受低保备案台账',
  public: false,
  orientation: 'landscape',
  input: z.object({ filter: z.enum(CASE_FILTERS).default('current') }),
  build(ctx, a) {
    const { rows } = caseRows(ctx.sqlite, { page: 1, pageSize: ALL, search: '', filter: a.filter, sort: 'village' });
    const body = rows.map((r, i) => [i + 1, r.villageName ?? '', r.headName ?? '', r.memberName, r.relation,
      `${r.staffName}（${r.staffPost || r.staffKind}）\n${r.staffUnit}`, r.category, r.householdStatus, yuan(r.monthlyAmountFen),
      cnDate(r.matchedAt.slice(0, 10)), r.filingNo, cnDate(r.filedDate), cnDate(r.countyVisitDate)]);
    const cols = [c('序号', 24, 'center'), c('村（居）', 46), c('户主', 38), c('近亲属', 38), c('关系', 32), c('经办人员/村干部及单位', '*'),
      c('保障类别', 44), c('状态', 26), c('月保障金（元）', 40, 'right'), c('发现日期', DATE_W), c('备案编号', 50), c('备案日期', DATE_W), c('县级入户核查', DATE_W)];
    const content: Content[] = [...titleBlock(`${township(ctx.sqlite)}近亲属享受低保备案台账`, `截至${cnDate(todayIso())}，共 ${rows.length} 条`),
      dataTable(cols, body, { fontSize: 8.5 })];
    return { content, fileName: '近亲属备案台账', headerText: '不公开' };
  },
});

export const complaintsRegister = defineDocument({
  name: 'supervision.complaintsRegister',
  title: '信访举报台账',
  public: false,
  orientation: 'landscape',
  input: z.object({ year: z.number().int().min(2000).max(2100).optional() }),
  build(ctx, a) {
    const rows = ctx.sqlite.prepare(`SELECT * FROM complaints WHERE (? IS NULL OR substr(received_date, 1, 4) = ?) ORDER BY received_date, id`)
      .all(a.year ?? null, a.year ? String(a.year) : null) as Record<string, string | number | null>[];
    const today = todayIso();
    const body = rows.map((r, i) => {
      const late = overdueDays({ deadline: String(r.deadline), closedDate: r.closed_date as string | null }, today);
      return [i + 1, cnDate(String(r.received_date)), String(r.channel), r.anonymous ? '匿名' : `${r.reporter_name} ${maskContact(String(r.reporter_contact))}`.trim(),
        String(r.content), String(r.handler), `${cnDate(String(r.deadline))}${late ? `\n逾期${late}天` : ''}`, String(r.steps), String(r.result),
        r.transferred_date ? `${cnDate(String(r.transferred_date))}\n${r.transferred_to}` : '', r.reply_date ? `${cnDate(String(r.reply_date))}\n${r.reply_content}` : '',
        r.closed_date ? cnDate(String(r.closed_date)) : '办理中'];
    });
    const cols = [c('序号', 24, 'center'), c('受理日期', DATE_W), c('渠道', 26), c('反映人', 54), c('反映内容', '*'), c('承办人', 34), c('办理时限', DATE_W),
      c('办理措施', '*'), c('办理结果', '*'), c('移交纪检监察', DATE_W), c('答复反映人', DATE_W), c('办结', DATE_W)];
    const content: Content[] = [...titleBlock(`${township(ctx.sqlite)}信访举报台账`, a.year ? `${a.year}年` : undefined), dataTable(cols, body, { fontSize: 8.5 })];
    return { content, fileName: '信访举报台账', headerText: '不公开' };
  },
});

export const custodyRegister = defineDocument({
  name: 'supervision.custodyRegister',
  title: '银行卡代管登记台账',
  public: false,
  orientation: 'landscape',
  input: z.object({ includeEnded: z.boolean().default(false) }),
  build(ctx, a) {
    const rows = ctx.sqlite.prepare(`SELECT c.*, m.name AS member_name, head.name AS head_name, v.name AS village_name FROM card_custody c
      JOIN households h ON h.id = c.household_id LEFT JOIN members m ON m.id = c.member_id LEFT JOIN members head ON head.id = h.head_member_id
      LEFT JOIN regions v ON v.id = h.village_id WHERE (? OR c.end_date IS NULL) ORDER BY v.sort, c.start_date, c.id`).all(a.includeEnded ? 1 : 0) as
      Record<string, string | number | null>[];
    const body = rows.map((r, i) => [i + 1, String(r.village_name ?? ''), String(r.member_name ?? r.head_name ?? ''), String(r.bank_name),
      String(r.holder_name), maskIdNumber(String(r.holder_id_number)), String(r.holder_relation), r.holder_is_staff ? '是' : '否', String(r.reason),
      cnDate(String(r.start_date)), r.agreement_file ? '有' : '无', r.filed_date ? cnDate(String(r.filed_date)) : '未备案', r.end_date ? cnDate(String(r.end_date)) : '']);
    const cols = [c('序号', 24, 'center'), c('村（居）', 44), c('持卡人', 38), c('开户银行', 44), c('代管人', 38), c('代管人身份证号', 84), c('关系', 40),
      c('工作人员/村干部', 34, 'center'), c('代管原因', '*'), c('代管起始', DATE_W), c('书面协议', 28, 'center'), c('报县备案', DATE_W), c('终止日期', DATE_W)];
    const content: Content[] = [...titleBlock(`${township(ctx.sqlite)}银行卡代管登记台账`), dataTable(cols, body, { fontSize: 8.5 })];
    return { content, fileName: '银行卡代管登记台账', headerText: '不公开' };
  },
});
