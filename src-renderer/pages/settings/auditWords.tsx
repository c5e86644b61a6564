import { Anchor } from '@mantine/core';
import { formatDate, formatYuan } from '../../lib/format';

/** Chinese names of the facts audit rows carry; a key not listed is shown as it is. */
const KEY_LABELS: Record<string, string> = {
  applicationId: '申请编号', householdId: '户档案号', kind: '类别', date: '日期', stage: '环节', status: '状态', opinion: '意见',
  reason: '理由', appliedOn: '申请日期', ruleSet: '办法', decision: '决定', effectiveMonth: '生效年月', phaseOutEnd: '渐退截止',
  username: '用户名', displayName: '姓名', role: '角色', active: '启用', login: '登录', loginFailed: '登录失败', failures: '失败次数',
  lockedUntil: '锁定至', passwordReset: '重置密码', name: '名称', key: '设置项', value: '值', action: '动作', closedOn: '锁定日期',
  households: '户数', persons: '人数', note: '说明', nearRelative: '近亲属备案', villageId: '村（居）', memberId: '成员',
  period: '月份', rows: '行数', fileName: '文件', category: '保障类别', startMonth: '起始年月', place: '地点', objection: '有异议',
  stepId: '步骤编号', title: '标题', idNumber: '身份证号',
  total: '合计', base: '基本保障金', topUp: '分类施保金', adjust: '补发/扣回', monthly: '月保障金', amount: '金额', before: '变更前',
  after: '变更后', newAmount: '新保障金', newTopUp: '新分类施保金',
  township: '乡镇', divisionCode: '区划代码', county: '县', admin: '管理员', demo: '演示数据', demoCountyKey: '演示县级公钥指纹', villages: '村数', groups: '组数', members: '人数',
};
const STEP_KINDS: Record<string, string> = {
  apply: '申请', accept: '受理', refuseAccept: '不予受理', homeVisit: '入户调查', verifyRequest: '信息核对申请', verifyResult: '信息核对结果',
  neighbourVisit: '邻里访问', democraticReview: '民主评议', preliminary: '初审意见', publicityStart: '公示开始', publicityEnd: '公示结束',
  countyVisit: '县级入户核查', confirm: '审核确认', refuseConfirm: '不予确认', noticeServed: '告知书送达',
};
const ROLE_WORDS: Record<string, string> = { admin: '管理员', clerk: '经办人', reviewer: '审核人', readonly: '只读', county: '县级' };
const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?$/;
const SKIP = new Set(['digest', 'hash', 'prevHash']);

function valueWords(key: string, v: unknown): string {
  if (v == null || v === '') return '';
  if (/Fen$/.test(key) && typeof v === 'number') return formatYuan(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' && ISO_DATE.test(v)) return formatDate(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDate(v.slice(0, 10));
  if (key === 'kind' && typeof v === 'string' && STEP_KINDS[v]) return STEP_KINDS[v];
  if (key === 'role' && typeof v === 'string' && ROLE_WORDS[v]) return ROLE_WORDS[v];
  if (Array.isArray(v)) return v.map((x) => valueWords('', x)).join('、');
  if (typeof v === 'object') return Object.entries(v as object).map(([k, x]) => `${labelOf(k)} ${valueWords(k, x)}`).join('，');
  return String(v);
}
const labelOf = (key: string) => KEY_LABELS[key] ?? (/Fen$/.test(key) ? KEY_LABELS[key.replace(/Fen$/, '')] ?? `${key.replace(/Fen$/, '')}金额` : key);

/** One audit row's facts in words: 环节：调查中；月保障金 1,200 元 … (never raw JSON). */
export function describe(raw: unknown): string {
  let v: unknown = raw;
  if (typeof raw === 'string') { try { v = JSON.parse(raw); } catch { return raw; } }
  if (v == null) return '';
  if (typeof v !== 'object' || Array.isArray(v)) return valueWords('', v);
  return Object.entries(v as Record<string, unknown>)
    .filter(([k, x]) => !SKIP.has(k) && x !== undefined && x !== null && x !== '')
    .map(([k, x]) => `${labelOf(k)}：${valueWords(k, x)}`).join('；');
}

/** Where the record lives in the app, from the entity and the ids the row carries. */
export function recordHref(entity: string, entityId: string | null, raw: unknown): string | null {
  let after: Record<string, unknown> = {};
  if (typeof raw === 'string') { try { after = JSON.parse(raw) ?? {}; } catch { /* words only */ } }
  const id = entityId ?? '';
  if (entity === 'household' && id) return `#/households/${id}`;
  if (entity === 'application' && id) return `#/applications/${id}`;
  if ((entity === 'application_step' || entity === 'application_handoff') && after.applicationId) return `#/applications/${String(after.applicationId)}`;
  if (after.householdId) return `#/households/${String(after.householdId)}`;
  if (entity === 'user') return '#/settings/users';
  if (entity === 'campaign' && id) return `#/rechecks/campaigns/${id}`;
  return null;
}

export function RecordLink({ label, href }: { label: string; href: string | null }) {
  return href ? <Anchor href={href} size="xs">{label}</Anchor> : <>{label}</>;
}
