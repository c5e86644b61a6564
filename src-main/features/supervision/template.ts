// The 专项治理 task template, taken from seed 000 (2023年城乡低保专项治理工作方案, 主要任务).
// Every task there has the limit "3月底前并长期坚持": the deadline is March 31 of the campaign year.

export interface TemplateTask { section: string; title: string; content: string; deadlineMonthDay: string; deadlineNote: string }

const ONGOING = { deadlineMonthDay: '03-31', deadlineNote: '3月底前并长期坚持' };

export const GOVERNANCE_TEMPLATE: TemplateTask[] = [
  { section: '（一）举一反三，全面核查', title: '全面清理违规违纪问题', ...ONGOING,
    content: '核查审核审批中弄虚作假、优亲厚友、吃拿卡要、违规操作；动态管理中应退未退、已死亡对象仍享受待遇；资金发放中二次支配、截留挪用、贪污侵占低保金' },
  { section: '（一）举一反三，全面核查', title: '严格落实近亲属备案制度', ...ONGOING,
    content: '低保经办人员和村(居)委会成员近亲属享受低保的登记备案，谁的亲属谁申报；档案单独管理、一户一档；按动态管理时间重点核查' },
  { section: '（一）举一反三，全面核查', title: '全面查处资金监管不力的问题', ...ONGOING,
    content: '检查资金使用监管，查找薄弱环节和风险点；发现的线索按性质及时移交纪检监察或司法机关，查实案件及时通报' },
  { section: '（二）规范最低生活保障管理', title: '健全信息公开制度', ...ONGOING,
    content: '落实“三公开两公示一公布”；救助服务大厅落实公开公示；村(居)设立公示板' },
  { section: '（二）规范最低生活保障管理', title: '建立信访举报机制', ...ONGOING,
    content: '设立监督举报电话和网络投诉渠道，专人梳理群众信访投诉，按政策解答诉求' },
  { section: '（二）规范最低生活保障管理', title: '建立工作台账机制', ...ONGOING,
    content: '全面建立专项治理工作台账，细化目标任务和完成时限，明确责任人' },
  { section: '（三）强化社会救助监管', title: '加大问题线索查办督办力度', ...ONGOING,
    content: '确保举报渠道畅通、工作时间有人值守；突出问题会同相关部门查处，涉嫌违纪违法的公职人员移送纪检监察' },
  { section: '（三）强化社会救助监管', title: '落实社会救助监管责任', ...ONGOING,
    content: '明确监管范围、监管责任和责任追究方式，发现的问题线索及时移交' },
  { section: '（三）强化社会救助监管', title: '健全社会救助检查长效机制', ...ONGOING,
    content: '日常监管、明察暗访、专项检查；检查发现的问题及时反馈整改并追踪整改结果' },
];
