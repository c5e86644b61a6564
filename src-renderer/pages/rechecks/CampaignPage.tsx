import { Anchor, Badge, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useCall } from '../../lib/useCall';
import { formatDate } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';

/** A campaign: phases, and progress per village and overall (households visited, outcomes, sheet returned). */
export function CampaignPage({ id }: { id: number }) {
  const { data, error, loading } = useCall('rechecks.campaigns.get', { id });
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  const o = data.overall;
  return (
    <Stack>
      <Anchor href="#/rechecks/campaigns">← 专项行动列表</Anchor>
      <Title order={3}>{data.name}</Title>
      <Text size="sm" c="dimmed">统计时点 {formatDate(data.scopeDate)} · 建立人 {data.createdBy}{data.basis ? ` · 依据：${data.basis}` : ''}</Text>
      {data.phases.length > 0 && (
        <Group>{data.phases.map((p) => <Badge key={p.name} variant="light">{p.name}：{formatDate(p.startDate)}—{formatDate(p.endDate)}</Badge>)}</Group>
      )}
      <Paper withBorder p="md">
        <Text fw={600} data-testid="overall-progress">全镇 {o.total} 户，已入户 {o.visited} 户，已出处理意见 {o.decided} 户，登记表交回 {o.signedVillages}/{o.villages} 个村</Text>
        <Progress mt="xs" value={o.total ? (o.decided / o.total) * 100 : 0} />
        <Text size="sm" mt="xs">{Object.entries(o.outcomes).map(([k, v]) => `${k} ${v}`).join(' · ')}</Text>
      </Paper>
      <Table striped highlightOnHover>
        <Table.Thead><Table.Tr><Table.Th>村（居）</Table.Th><Table.Th>清理小组</Table.Th><Table.Th>户数</Table.Th><Table.Th>已入户</Table.Th><Table.Th>已出意见</Table.Th><Table.Th>重点复核户</Table.Th><Table.Th>停保/减发/渐退</Table.Th><Table.Th>登记表</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {data.villages.map((v) => (
            <Table.Tr key={v.villageId}>
              <Table.Td><Anchor href={`#/rechecks/campaigns/${id}/${v.villageId}`}>{v.village}</Anchor></Table.Td>
              <Table.Td>{v.team.length ? v.team.map((t) => `${t.name}（${t.role}）`).join('、') : <Text c="red" size="sm">未组建</Text>}</Table.Td>
              <Table.Td>{v.total}</Table.Td><Table.Td>{v.visited}</Table.Td><Table.Td>{v.decided}</Table.Td><Table.Td>{v.flagged}</Table.Td>
              <Table.Td>{v.outcomes['停保']}/{v.outcomes['减发']}/{v.outcomes['渐退']}</Table.Td>
              <Table.Td>{v.signoff ? `已交回 ${formatDate(v.signoff.returnedDate)}` : '未交回'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
