import { z } from 'zod';
import { channel, type ChannelMap } from '../../ipc/contract';

/**
 * Words for people reading the audit trail: each operation by its channel's own Chinese title (so a new channel
 * is named the day it is declared), the few writers that are not channels, and the kinds of record.
 */
const NOT_CHANNELS: Record<string, string> = {
  demo: '生成演示数据', cli: '命令行操作', migration: '数据库升级', startup: '启动时自动任务', 'audit.anchor': '审计链锚定',
};

export const ENTITY_LABELS: Record<string, string> = {
  setting: '设置', region: '村组地址', household: '户档案', user: '用户', supervised_staff: '经办人员/村干部', member: '家庭成员',
  team_member: '小组成员', staff_relative: '近亲属', relative_match: '近亲属比对', payroll_month: '月度发放', notice_posting: '张贴记录',
  notice_objection: '公示异议', income_item: '收入', governance_task: '专项治理任务', exchange_export: '报送包', complaint: '信访举报',
  case_task: '待办（调整/停保）', card_custody: '银行卡代管', application_handoff: '交审核记录', application: '低保申请', township: '乡镇',
  suspect_task: '疑点核查任务', suspect_import: '疑点表导入', stats_entries: '统计填报', spot_check_item: '抽查对象', spot_check: '县级抽查',
  roster_import: '花名册导入', recheck_trigger: '复核提醒', recheck: '复核', payroll_bank_file: '银行发放文件', integrity_record: '诚信记录',
  household_correction: '户档案更正', governance_ledger: '专项治理台账', database: '数据库', county_township: '县级登记乡镇',
  county_package: '乡镇报送包', campaign_team: '清理小组', campaign_signoff: '登记表交回', campaign_household: '专项行动对象',
  campaign: '专项行动', benefit_change: '变更决定', backup: '备份', application_step: '办理步骤',
};

export function actionNames(channels: ChannelMap): Record<string, string> {
  const names: Record<string, string> = { ...NOT_CHANNELS };
  for (const [name, def] of Object.entries(channels)) names[name] = def.title;
  return names;
}

export function wordChannels(all: () => ChannelMap) {
  return {
    'audit.words': channel({
      title: '审计记录的中文名称（操作、对象类型）', permission: 'read', kind: 'query', input: z.object({}),
      handler: (): { actions: Record<string, string>; entities: Record<string, string> } => ({ actions: actionNames(all()), entities: ENTITY_LABELS }),
    }),
  };
}
