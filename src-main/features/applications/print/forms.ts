import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces';
import { defineDocument } from '../../../print/document';
import { signatureBlock, titleBlock } from '../../../print/layout';
import { ageOn } from '../../../domain/idNumber';
import { cnDate, factsGrid, memberTable, paperData, para, payloadOf, section } from './common';

const byApplication = z.object({ applicationId: z.number().int().positive() });

/** 申请书 with the 家庭经济状况核对授权书 and the 诚信承诺书, prefilled (2021办法 art. 9). */
export const applicationForm = defineDocument({
  name: 'applications.form', title: '最低生活保障申请书', public: false, input: byApplication,
  build(ctx, a) {
    const d = paperData(ctx.sqlite, a.applicationId);
    const h = d.household;
    const names = d.members.map((m) => m.name).join('、');
    const content: Content[] = [
      ...titleBlock('最低生活保障申请书'),
      factsGrid([['申请人', d.app.applicant_name], ['户主', h.headName], ['住址', `${h.village}${h.group}${h.address}`], ['申请类别', h.category],
        ['申请日期', cnDate(d.app.applied_on)], ['申请方式', d.app.entrusted ? '委托村（居）民委员会代为提出' : '本人书面申请']]),
      section('共同生活的家庭成员'), memberTable(d),
      section('申请理由'), para(d.app.reason || '（由申请人填写家庭经济困难的原因）'),
      para(`本人以家庭为单位申请${h.category.includes('城市') ? '城市' : '农村'}最低生活保障，所报家庭成员、收入和财产情况真实完整。`),
      signatureBlock({ signers: ['申请人'], date: cnDate(d.app.applied_on) }),
      { text: '', pageBreak: 'after' },
      ...titleBlock('家庭经济状况核对授权书'),
      para(`本人及共同生活的家庭成员（${names}）自愿授权${d.county}民政部门及其委托的机构，向公安、人力资源社会保障、自然资源、住房城乡建设、市场监管、税务、金融机构等单位查询、核对本家庭成员的户籍、收入、财产等信息，用于最低生活保障审核确认及动态管理。`),
      para('本授权自签字之日起至退出最低生活保障后一年内有效。'),
      signatureBlock({ signers: d.members.filter((m) => ageOn(m.birthDate, d.app.applied_on) >= 18).map((m) => `授权人 ${m.name}`), date: cnDate(d.app.applied_on) }),
      { text: '', pageBreak: 'after' },
      ...titleBlock('诚信承诺书'),
      para('本人承诺：所申报的家庭人口、收入、财产等情况真实、完整，无隐瞒、虚报；家庭人口、收入、财产状况发生变化时，及时向乡镇人民政府（街道办事处）报告。'),
      para('如有虚假申报，本人愿意退还已领取的救助资金，承担相应法律责任，并同意记入诚信档案；第二次虚假申报的，一年内不再受理本家庭的申请。'),
      signatureBlock({ signers: ['承诺人'], date: cnDate(d.app.applied_on) }),
    ];
    return { content, fileName: `低保申请书-${h.headName}`, headerText: d.township };
  },
});

/** 入户调查表: the team (≥ 2), findings, and signature lines for investigators and the family members present. */
export const homeVisitForm = defineDocument({
  name: 'applications.homeVisit', title: '家庭经济状况入户调查表', public: false, input: byApplication,
  build(ctx, a) {
    const d = paperData(ctx.sqlite, a.applicationId);
    const visit = d.last('homeVisit');
    const p = payloadOf(visit) as { investigators?: string[]; presentMembers?: string[]; findings?: string };
    const investigators = p.investigators?.length ? p.investigators : ['', ''];
    const present = p.presentMembers?.length ? p.presentMembers : [''];
    const content: Content[] = [
      ...titleBlock('家庭经济状况入户调查表', `${d.township} ${d.household.village}${d.household.group}`),
      factsGrid([['户主', d.household.headName], ['住址', `${d.household.village}${d.household.group}${d.household.address}`],
        ['调查日期', cnDate(visit?.date)], ['调查人员', investigators.filter(Boolean).join('、')]]),
      section('家庭成员'), memberTable(d),
      section('调查情况（住房、收入、财产、生活状况）'),
      { text: p.findings || '\n\n\n\n', margin: [0, 0, 0, 8], lineHeight: 1.5 },
      signatureBlock({ signers: [...investigators.map((n) => `调查人 ${n}`), ...present.map((n) => `在场家庭成员 ${n}`)] }),
    ];
    return { content, fileName: `入户调查表-${d.household.headName}` };
  },
});

/** 民主评议记录: participants, how many agree/disagree, conclusion, with a signature line per participant. */
export const reviewRecord = defineDocument({
  name: 'applications.democraticReview', title: '民主评议记录', public: false, input: byApplication,
  build(ctx, a) {
    const d = paperData(ctx.sqlite, a.applicationId);
    const step = d.last('democraticReview');
    const p = payloadOf(step) as { participantNames?: string[]; review?: { participants: number; villagerReps: number; agree: number; disagree: number; conclusion: string; allSigned: boolean } };
    const r = p.review;
    const names = p.participantNames?.length ? p.participantNames : Array.from({ length: r?.participants ?? 9 }, () => '');
    const content: Content[] = [
      ...titleBlock('最低生活保障民主评议记录', `${d.township} ${d.household.village}`),
      factsGrid([['评议对象', `${d.household.headName}户（申请编号 ${d.app.id}）`], ['评议日期', cnDate(step?.date)],
        ['参加人数', r ? `${r.participants} 人，其中村（居）民代表 ${r.villagerReps} 人` : ''],
        ['评议结果', r ? `同意 ${r.agree} 人，不同意 ${r.disagree} 人，弃权 ${r.participants - r.agree - r.disagree} 人` : ''],
        ['评议结论', r?.conclusion ?? '']]),
      section('参加人员签字'),
      { columns: [0, 1, 2].map((col) => ({ stack: names.filter((_, i) => i % 3 === col).map((n) => ({ text: `${n || '　　　'}：__________`, margin: [0, 0, 0, 10] })) })) },
      signatureBlock({ signers: ['主持人', '记录人'], date: cnDate(step?.date) }),
    ];
    return { content, fileName: `民主评议记录-${d.household.headName}` };
  },
});
