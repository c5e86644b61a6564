import { useState } from 'react';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import type { Out } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { navigate } from '../../lib/router';
import { formatDate, formatYuan } from '../../lib/format';
import { canWrite, useUser } from '../../lib/user';
import { ErrorAlert, Loading } from '../../components/Status';
import { HouseholdProcedure } from '../applications/HouseholdProcedure';
import { HouseholdDocuments } from '../archive/HouseholdDocuments';
import { useOptions } from './useOptions';
import { MembersPanel } from './MembersPanel';
import { IncomePanel } from './IncomePanel';
import { Timeline } from './Timeline';
import { ChangeFacts } from './ChangeFacts';
import { Can } from '../../lib/access';

export type Detail = Out<'households.get'>;

/** One household: facts, members, income, timeline, flags, and the slots other features fill. */
export function HouseholdPage({ id }: { id: number }) {
  const me = useUser();
  const options = useOptions();
  const { data: h, error, loading, reload } = useCall('households.get', { id });
  const [tab, setTab] = useState<string | null>('members');
  if (error) return <ErrorAlert error={error} />;
  if (loading && !h) return <Loading />;
  if (!h || !options) return <Loading />;
  const head = h.members.find((m) => m.isHead);
  const writable = canWrite(me);
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Button variant="subtle" onClick={() => navigate('/households')}>← 户档案列表</Button>
          <Title order={3}>{head?.name ?? '（无户主）'}户</Title>
          <Badge color={h.status === '在保' ? 'green' : 'gray'}>{h.status}</Badge>
          <Badge variant="light">{h.category}</Badge>
          <Badge variant="outline">{h.coverMode}</Badge>
          {h.flags.map((f) => <Badge key={f} color="orange" variant="light">{f}</Badge>)}
        </Group>
        {h.status !== '在保' && h.status !== '渐退' && (
          <Can channel="applications.start"><Button onClick={() => navigate(`/applications/new/${h.id}`)}>登记申请</Button></Can>
        )}
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
          <Fact label="档案号" value={String(h.id)} />
          <Fact label="低保证号" value={h.certificateNo ?? ''} />
          <Fact label="所在村/组" value={`${h.village}${h.group}`} />
          <Fact label="住址" value={h.address} />
          <Fact label="家庭人口" value={`${h.familySize} 人`} />
          <Fact label="保障人口" value={`${h.coveredSize} 人`} />
          <Fact label="月保障金" value={formatYuan(h.monthlyFen)} />
          <Fact label="分类施保金" value={formatYuan(h.topUpFen)} />
          <Fact label="起始保障年月" value={formatDate(h.startMonth)} />
          <Fact label="致贫原因" value={h.causes.join('、')} />
          <Fact label="住房" value={h.housing} />
          <Fact label="车辆" value={h.vehicles} />
          <Fact label="财产说明" value={h.propertyNotes} />
          <Fact label="开户银行" value={h.bankName} />
          <Fact label={h.bankMasked ? '银行账号（已遮挡）' : '银行账号'} value={h.bankAccount} />
          <Fact label="低保边缘家庭" value={h.edgeFamily ? '是' : '否'} />
        </SimpleGrid>
      </Card>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="members">家庭成员（{h.members.length}）</Tabs.Tab>
          <Tabs.Tab value="income">收入</Tabs.Tab>
          <Tabs.Tab value="timeline">变动记录（{h.timeline.length}）</Tabs.Tab>
          {writable && <Tabs.Tab value="change">变更户信息</Tabs.Tab>}
          <Tabs.Tab value="procedure">审核确认</Tabs.Tab>
          <Tabs.Tab value="documents">档案</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="md"><MembersPanel h={h} options={options} writable={writable} reload={reload} /></Tabs.Panel>
        <Tabs.Panel value="income" pt="md"><IncomePanel h={h} options={options} writable={writable} reload={reload} /></Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md"><Timeline h={h} /></Tabs.Panel>
        {writable && <Tabs.Panel value="change" pt="md"><ChangeFacts key={`${h.id}:${h.timeline.length}`} h={h} options={options} reload={reload} /></Tabs.Panel>}
        <Tabs.Panel value="procedure" pt="md"><HouseholdProcedure householdId={h.id} /></Tabs.Panel>
        <Tabs.Panel value="documents" pt="md"><HouseholdDocuments householdId={h.id} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return <div><Text size="xs" c="dimmed">{label}</Text><Text size="sm">{value || '—'}</Text></div>;
}
