/** One place for the Chinese names of domain terms, so labels are never spelled two ways. */

export const CATEGORIES = ['城市低保', '农村低保', '特困供养-集中', '特困供养-分散', '低保边缘', '支出型困难'] as const;
export type Category = (typeof CATEGORIES)[number];

export const HOUSEHOLD_STATUSES = ['申请中', '在保', '渐退', '停保', '未通过'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

/** Statuses that receive money this month. */
export const PAID_STATUSES: readonly HouseholdStatus[] = ['在保', '渐退'];

export const COVER_MODES = ['整户保', '单人保'] as const;
export const MEMBER_STATES = ['在户', '死亡', '迁出', '移出'] as const;
export const RELATIONS = ['本人', '户主', '配偶', '长子', '次子', '三子', '长女', '次女', '三女', '儿子', '女儿', '父亲', '母亲',
  '孙子', '孙女', '外孙子', '外孙女', '儿媳', '女婿', '兄弟', '姐妹', '祖父', '祖母', '其他'] as const;
export const HEALTH = ['健康', '重病', '慢性病', '残疾', '残疾且患病'] as const;
export const LABOUR_CAPACITY = ['有', '部分丧失', '完全丧失', '无'] as const;
export const DISABILITY_TYPES = ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'] as const;
export const POVERTY_CAUSES = ['因病', '因残', '因学', '因灾', '缺劳力', '缺技术', '缺资金', '年老体弱', '其他'] as const;

export const ROLE_NAMES = { admin: '管理员', clerk: '经办人', reviewer: '审核人', readonly: '只读', county: '县级' } as const;

export const TERMS = {
  household: '户', member: '家庭成员', head: '户主', application: '申请', recheck: '复核', campaign: '专项治理',
  notice: '公示', archiveBag: '档案袋', ledger: '台账', suspect: '疑点', relative: '近亲属备案', complaint: '信访举报',
} as const;

/** Household timeline entries: changes are recorded as events, never as silent edits. */
export const HOUSEHOLD_EVENT_TYPES = ['建档', '成员增加', '成员移出', '成员迁出', '成员死亡', '户主变更', '收入变更', '状态变更',
  '迁址', '信息变更', '成员信息变更', '保障人口变更', '花名册导入', '待办', '更正', '建档导入'] as const;
export type HouseholdEventType = (typeof HOUSEHOLD_EVENT_TYPES)[number];
/** How a member leaves a household: 移出 (no longer co-resident), 迁出 (户籍 moved away), 死亡. */
export const MEMBER_EXITS = ['移出', '迁出', '死亡'] as const;
export const INCOME_TYPES = ['工资性收入', '经营净收入', '财产净收入', '转移净收入', '养老金', '赡养费', '其他收入'] as const;
export const HOUSEHOLD_FLAGS = ['近亲属备案', '重点复核', '疑点核查', '银行卡代管'] as const;

/** Kinds of database backup sets (features/backup). */
export const BACKUP_KIND_LABELS = { daily: '每日自动备份', 'pre-migrate': '升级前自动备份', 'pre-restore': '恢复前自动备份', manual: '手动备份' } as const;
