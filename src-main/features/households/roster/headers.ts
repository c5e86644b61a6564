/** Roster header names as offices write them, mapped to the fields the import understands. */

export const ROSTER_FIELDS = {
  householdNo: { label: '户编号', names: ['户编号', '户号', '家庭编号', '户序号', '家庭序号', '户主编号'] },
  headName: { label: '户主姓名', names: ['户主姓名', '户主', '户主名称'] },
  name: { label: '成员姓名', names: ['姓名', '成员姓名', '家庭成员姓名', '保障对象姓名', '救助对象姓名'] },
  idNumber: { label: '身份证号', names: ['身份证号', '身份证号码', '公民身份号码', '公民身份证号码', '证件号码', '身份证', '成员身份证号', '成员身份证号码'] },
  headIdNumber: { label: '户主身份证号', names: ['户主身份证号', '户主身份证号码', '户主公民身份号码'] },
  relation: { label: '与户主关系', names: ['与户主关系', '关系', '家庭关系', '与户主的关系'] },
  familySize: { label: '家庭人口', names: ['家庭人口', '家庭人口数', '家庭人数', '户人口', '家庭成员数'] },
  coveredSize: { label: '保障人口', names: ['保障人口', '保障人口数', '保障人数', '享受人数', '救助人数'] },
  village: { label: '村/居', names: ['村', '所在村', '村名', '行政村', '社区', '村社区', '村居委会'] },
  group: { label: '组', names: ['组', '村民小组', '小组', '组别', '所在组', '社'] },
  category: { label: '保障类别', names: ['保障类别', '类别', '救助类别', '低保类别', '保障类型', '对象类别'] },
  amount: { label: '月保障金', names: ['月保障金', '保障金额', '月保障金额', '保障金', '月救助金', '低保金', '月发放金额'] },
  topUp: { label: '分类施保金', names: ['分类施保金', '分类施保'] },
  startMonth: { label: '起始保障年月', names: ['起始保障年月', '保障起始年月', '起始年月', '享受时间', '纳入时间', '起保年月', '保障开始时间', '享受年月'] },
  certificateNo: { label: '低保证号', names: ['低保证号', '证号', '低保证编号', '保障证号'] },
  causes: { label: '主要致贫原因', names: ['主要致贫原因', '致贫原因'] },
  bankName: { label: '开户银行', names: ['开户银行', '开户行', '银行'] },
  bankAccount: { label: '银行账号', names: ['账号', '银行账号', '银行卡号', '卡号', '存折账号', '社保卡号'] },
  health: { label: '健康状况', names: ['健康状况', '健康', '身体状况'] },
  disabilityType: { label: '残疾类别', names: ['残疾类别', '残疾类型'] },
  disabilityGrade: { label: '残疾等级', names: ['残疾等级', '残疾级别'] },
  labourCapacity: { label: '劳动能力', names: ['劳动能力'] },
  phone: { label: '联系电话', names: ['联系电话', '电话', '手机号码', '手机'] },
  address: { label: '家庭住址', names: ['家庭住址', '住址', '地址', '家庭地址'] },
  ignore: { label: '（不导入）', names: ['序号', '乡镇', '乡镇街道', '街道', '性别', '出生年月', '出生日期', '年龄', '备注', '合计', '民族', '县区', '县'] },
} as const;
export type RosterField = keyof typeof ROSTER_FIELDS;

/** Strips spaces, line breaks and bracketed units: "保障金额（元）" → "保障金额", "村(居)" → "村". */
export function normalizeHeader(text: string): string {
  return text.replace(/[\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/\([^)]*\)/g, '').replace(/[:：*＊]/g, '');
}

const BY_NAME = new Map<string, RosterField>();
for (const [field, def] of Object.entries(ROSTER_FIELDS)) for (const n of def.names) BY_NAME.set(n, field as RosterField);

export function fieldForHeader(text: string): RosterField | null {
  return BY_NAME.get(normalizeHeader(text)) ?? null;
}

/**
 * A header row names a person (姓名 or 户主姓名) and an ID column (a household-level roster has only 户主身份证号),
 * and at least three known columns in all.
 */
export function looksLikeHeader(fields: (RosterField | null)[]): boolean {
  return knownFields(fields) >= 3 && (fields.includes('idNumber') || fields.includes('headIdNumber')) && (fields.includes('name') || fields.includes('headName'));
}
export const knownFields = (fields: (RosterField | null)[]) => fields.filter((f) => f && f !== 'ignore').length;

export function columnLetter(index0: number): string {
  let n = index0 + 1;
  let s = '';
  while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); }
  return s;
}
