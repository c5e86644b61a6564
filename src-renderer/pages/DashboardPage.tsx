import { Box, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useCall } from '../lib/useCall';
import { ErrorAlert, Loading } from '../components/Status';
import { formatYuan } from '../lib/format';
import { WorklistPanel } from './home/WorklistPanel';

/** 首页: the day's worklist first (overdue, today, this week, waiting), then the counts and the chart per village. */
export function DashboardPage() {
  const { data, error, loading } = useCall('dashboard.summary', {});
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  const t = data.totals;
  const max = Math.max(1, ...data.byVillage.map((v) => v.households));
  return (
    <Stack data-testid="home" data-state="ready">
      <Title order={3}>首页</Title>
      <SimpleGrid cols={4}>
        <Stat label="在保户数" value={`${t.households} 户`} testId="stat-households" />
        <Stat label="保障人数" value={`${t.persons} 人`} testId="stat-persons" />
        <Stat label="月保障金合计" value={formatYuan(t.monthlyFen)} testId="stat-amount" />
        <Stat label="申请中" value={`${t.applying} 户`} testId="stat-applying" />
      </SimpleGrid>
      <Title order={4}>待办事项</Title>
      <WorklistPanel />
      <Title order={4}>统计</Title>
      <Group align="flex-start" grow>
        <Card withBorder>
          <Text fw={600} mb="sm">各村（居）在保户数</Text>
          <Stack gap={6} role="img" aria-label="各村在保户数柱状图">
            {data.byVillage.map((v) => (
              <Group key={v.village} gap="xs" wrap="nowrap">
                <Text size="sm" w={80} ta="right">{v.village}</Text>
                <Box h={16} bg="red.5" style={{ width: `${(v.households / max) * 70}%`, borderRadius: 3 }} />
                <Text size="sm">{v.households}</Text>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <Text fw={600} mb="sm">按类别（在保、渐退）</Text>
          <Table>
            <Table.Thead><Table.Tr><Table.Th>类别</Table.Th><Table.Th>户数</Table.Th><Table.Th>人数</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.byCategory.map((c) => (
                <Table.Tr key={c.category}><Table.Td>{c.category}</Table.Td><Table.Td>{c.households}</Table.Td><Table.Td>{c.persons}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text fw={600} mt="md" mb="xs">按状态（全部档案）</Text>
          <Group gap="md">{data.byStatus.map((s) => <Text key={s.status} size="sm">{s.status} {s.households} 户</Text>)}</Group>
        </Card>
      </Group>
    </Stack>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text size="xl" fw={700} data-testid={testId}>{value}</Text>
    </Card>
  );
}
