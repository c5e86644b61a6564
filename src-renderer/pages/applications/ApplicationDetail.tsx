import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useCall } from '../../lib/useCall';
import { navigate } from '../../lib/router';
import { formatDate, formatYuan } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';
import { PrintButton } from '../../components/PrintButton';
import type { ArchiveDocType } from '../../../src-main/features/archive/terms';
import { CalculationView, DeadlineBadge, StageBadge } from './shared';
import { UnverifiedBadge } from '../../components/Unverified';
import { NextSteps } from './NextSteps';
import { SpecialLimit } from './SpecialLimit';

const CLOSED = ['已确认', '不予受理', '不予确认'];
type County = { decider: string; unit: string; documentNo: string; decidedOn: string } | null;
/** The county's decision as the record shows it: 县级决定：示范县民政局 陈科长，示民发〔2026〕12号，2026年11月20日. */
const countyText = (c: County) => (c ? `县级决定：${c.unit} ${c.decider}，${c.documentNo}，${formatDate(c.decidedOn)}` : '');

const PAPERS: { document: string; label: string; docType: ArchiveDocType; when?: (stage: string, kinds: string[]) => boolean }[] = [
  { document: 'applications.form', label: '申请书（含授权书、诚信承诺）', docType: '申请书' },
  { document: 'applications.homeVisit', label: '入户调查表', docType: '入户调查表' },
  { document: 'applications.democraticReview', label: '民主评议记录', docType: '民主评议记录', when: (_s, k) => k.includes('democraticReview') },
  { document: 'applications.confirmation', label: '审核确认表', docType: '审核确认表' },
  { document: 'applications.refuseAcceptNotice', label: '不予受理告知书', docType: '告知书', when: (s) => s === '不予受理' },
  { document: 'applications.refuseConfirmNotice', label: '不予确认告知书', docType: '告知书', when: (s) => s === '不予确认' },
];

function payloadText(p: Record<string, unknown>): string {
  return Object.entries(p).filter(([k, v]) => k !== 'reason' && v !== '' && v != null && !(Array.isArray(v) && v.length === 0))
    .map(([, v]) => (Array.isArray(v) ? v.join('、') : typeof v === 'object' ? Object.values(v as object).join(' / ') : typeof v === 'boolean' ? (v ? '是' : '否') : String(v)))
    .join('；');
}

export function ApplicationDetail({ id }: { id: number }) {
  const { data, error, loading, reload } = useCall('applications.get', { id });
  if (error) return <ErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const h = data.household;
  const kinds = data.steps.map((s) => s.kind);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>申请 {data.id}：{h.headName}户（{h.village}{h.group}）<StageBadge stage={data.stage} /></Title>
        <Button variant="default" onClick={() => navigate('/applications')}>返回列表</Button>
      </Group>
      <Text size="sm">申请人 {data.applicantName} · 申请日期 {formatDate(data.appliedOn)} · {data.ruleSet}办法
        {data.delegated ? ' · 审核确认权限下放乡镇，由乡镇人民政府决定' : ` · 由${data.decidingOrg}审核确认${CLOSED.includes(data.stage) ? '' : '（登记县级决定）'}`}
        {data.special ? ' · 特殊情况（45 个工作日）' : ''}
        {data.amountFen != null ? ` · 月保障金 ${formatYuan(data.amountFen)}，${formatDate(data.startMonth)}起发放` : ''}</Text>
      {data.nearRelative && <Alert color="orange" title="近亲属单独登记备案">{data.nearRelativeNote || '须县级入户核查后方可确认'}{data.countyVisitDone ? '（县级核查已登记）' : ''}</Alert>}
      {!data.nearRelative && data.countyVisitRequired && <Alert color="orange">本案在县级入户抽查范围内，确认前须登记县级入户核查。</Alert>}
      {data.missingForPreliminary.length > 0 && <Alert color="blue">初审前尚缺：{data.missingForPreliminary.join('、')}</Alert>}
      {data.countyVisitMissing.length > 0 && (
        <Alert color="orange" title="审核确认前须县级入户核查" data-testid="county-visit-missing">{data.countyVisitMissing.join('；')}</Alert>
      )}
      <NextSteps data={data} reload={() => void reload()} />
      <SpecialLimit applicationId={data.id} special={data.special} closed={CLOSED.includes(data.stage)} onDone={() => void reload()} />

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Text fw={600} mb="xs">办理期限（工作日）</Text>
          {data.deadlines.length === 0 ? <Text c="dimmed" size="sm">受理后开始计算。</Text> : (
            <Table>
              <Table.Tbody>
                {data.deadlines.map((d) => (
                  <Table.Tr key={d.key}><Table.Td>{d.label}</Table.Td><Table.Td>{formatDate(d.due)}<UnverifiedBadge years={d.unverified} /></Table.Td>
                    <Table.Td><DeadlineBadge state={d.state} />{d.doneOn ? ` ${formatDate(d.doneOn)}` : ''}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">打印</Text>
          <Stack gap="xs" align="flex-start">
            {PAPERS.filter((p) => !p.when || p.when(data.stage, kinds)).map((p) => <PrintButton key={p.document} document={p.document}
              args={{ applicationId: data.id }} label={p.label} archive={{ householdId: h.id, docType: p.docType, title: p.label }} />)}
          </Stack>
        </Card>
      </SimpleGrid>

      <Card withBorder>
        <Text fw={600} mb="xs">办理记录（只增不改）</Text>
        <Table striped>
          <Table.Thead><Table.Tr><Table.Th>日期</Table.Th><Table.Th>步骤</Table.Th><Table.Th>意见 / 情况</Table.Th><Table.Th>办理人</Table.Th><Table.Th>之后环节</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.steps.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{formatDate(s.date)}</Table.Td><Table.Td>{s.label}</Table.Td>
                <Table.Td>{[s.opinion, s.reason, payloadText(s.payload), countyText(s.county)].filter(Boolean).join('；')}</Table.Td>
                <Table.Td>{s.by}（{s.role}）</Table.Td><Table.Td>{s.stageAfter}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      <Card withBorder>
        {data.calculationError && <Alert color="red">{data.calculationError}</Alert>}
        {data.calculation && <CalculationView calc={data.calculation} title={data.calculationConfirmed ? '保障金核算（已确认）' : '保障金核算（按现有收入预算，确认时定额）'} />}
      </Card>
    </Stack>
  );
}
