/**
 * The bank's 一卡通 payment list as the office's bank asks for it: which columns, in which order, with which
 * headers, as xlsx or CSV (GBK or UTF-8). Pure: the template rules and the rows; features/payroll writes the file.
 */
export const BANK_FIELDS = { headName: '户名', headId: '身份证号', bankAccount: '账号', amount: '金额', bankName: '开户行', remark: '备注',
  village: '村（居）', group: '组', certificateNo: '低保证号', covered: '保障人数', seq: '序号' } as const;
export type BankField = keyof typeof BANK_FIELDS;

/** Fields that identify a person or an account: never on a document for posting or the public. */
export const PRIVATE_FIELDS: readonly BankField[] = ['headId', 'bankAccount'];

export interface BankTemplate {
  name: string;
  format: 'xlsx' | 'csv';
  encoding: 'GBK' | 'UTF-8';
  /** A list meant for posting (张贴/公示) or anyone outside the bank. */
  public: boolean;
  columns: { field: BankField; header: string }[];
}

export const DEFAULT_BANK_TEMPLATE: BankTemplate = {
  name: '一卡通发放清单', format: 'xlsx', encoding: 'UTF-8', public: false,
  columns: (['seq', 'headName', 'headId', 'bankAccount', 'amount', 'bankName', 'remark'] as const).map((f) => ({ field: f, header: BANK_FIELDS[f] })),
};

/** Every reason a template cannot be used (empty = fine). */
export function templateProblems(t: BankTemplate): string[] {
  const out: string[] = [];
  if (!t.columns.length) out.push('模板至少要有一列');
  const fields = t.columns.map((c) => c.field);
  for (const f of ['headName', 'bankAccount', 'amount'] as const) if (!t.public && !fields.includes(f)) out.push(`银行发放清单须包含“${BANK_FIELDS[f]}”列`);
  const leaked = fields.filter((f) => PRIVATE_FIELDS.includes(f));
  if (t.public && leaked.length) out.push(`公开张贴或对外提供的名单不能包含${leaked.map((f) => `“${BANK_FIELDS[f]}”`).join('、')}`);
  const dup = fields.filter((f, i) => fields.indexOf(f) !== i);
  if (dup.length) out.push(`列重复：${[...new Set(dup)].map((f) => BANK_FIELDS[f]).join('、')}`);
  if (t.format === 'xlsx' && t.encoding !== 'UTF-8') out.push('xlsx 文件不需要选择编码（GBK 只用于 CSV）');
  return out;
}

export interface BankRow { seq: number; headName: string; headId: string; bankAccount: string; amountFen: number; bankName: string; remark: string;
  village: string; group: string; certificateNo: string; covered: number }

/** One cell's text in the bank's file: amounts in 元 with two decimals, everything else as recorded. */
export function cellText(field: BankField, r: BankRow): string {
  if (field === 'amount') return (r.amountFen / 100).toFixed(2);
  if (field === 'covered' || field === 'seq') return String(r[field]);
  return r[field];
}

/** A CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused (spreadsheet formulas). */
export function csvField(s: string): string {
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
