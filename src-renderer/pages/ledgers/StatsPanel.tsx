import { Alert, Button, Group, List, ScrollArea, Table, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { call, openOutbox, type Out } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { formatYuan } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';
import { StatsEntryForm } from './StatsEntryForm';

type Stats = Out<'ledgers.stats'>;

/** The monthly table as main computed it, the cross-checks (explained when they fail) and seed 002's items. */
export function StatsPanel({ period }: { period: string }) {
  const { data, error, loading, reload } = useCall('ledgers.stats', { period });
  const months = useCall('payroll.months', {});
  const exported = !!months.data?.months.find((m) => m.period === period)?.exportedAt;
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  return (
    <>
      <Checks stats={data} />
      <ScrollArea>
        <Table striped withTableBorder fz="sm" aria-label="月度统计表">
          <Table.Thead><Table.Tr>
            {['保障类别', '户数', '人数', '女', '老年人', '未成年人', '残疾人', '当月新增（户/人）', '当月退出（户/人）', '当月发放资金', '本年累计', '当月人均补助额']
              .map((h) => <Table.Th key={h}>{h}</Table.Th>)}
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {[...data.rows, data.total].map((r) => (
              <Table.Tr key={r.category} fw={r.category === '合计' ? 700 : undefined}>
                <Table.Td>{r.category}</Table.Td><Table.Td>{r.households}</Table.Td><Table.Td>{r.persons}</Table.Td>
                <Table.Td>{r.women}</Table.Td><Table.Td>{r.elderly}</Table.Td><Table.Td>{r.minors}</Table.Td><Table.Td>{r.disabled}</Table.Td>
                <Table.Td>{r.newHouseholds} / {r.newPersons}</Table.Td><Table.Td>{r.exitHouseholds} / {r.exitPersons}</Table.Td>
                <Table.Td>{formatYuan(r.fundsFen)}</Table.Td><Table.Td>{formatYuan(r.ytdFen)}</Table.Td><Table.Td>{r.perCapitaYuan} 元</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Text size="xs" c="dimmed" mt="xs">{data.note}</Text>
      <Title5>进展情况统计表（当月数据，不累计）</Title5>
      <Table withTableBorder fz="sm" aria-label="进展情况统计表">
        <Table.Tbody>
          {data.progress.map((p) => (
            <Table.Tr key={p.key}>
              <Table.Td>{p.label}</Table.Td><Table.Td w={120}>{p.value === null ? (p.source === '填报' ? '未填报' : '无数据') : `${p.value} ${p.unit}`}</Table.Td>
              <Table.Td w={90}><Text size="xs" c="dimmed">{p.source}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <StatsEntryForm key={period} period={period} progress={data.progress} exported={exported} onSaved={reload} />
      <Group mt="md">
        <Button onClick={() => attempt(async () => { const r = await call('ledgers.exportStats', { period }); await openOutbox(r.fileName); }, '统计表已导出')}>
          导出统计表（Excel）
        </Button>
      </Group>
    </>
  );
}

const Title5 = ({ children }: { children: string }) => <Text fw={600} mt="md" mb="xs">{children}</Text>;

export function Checks({ stats }: { stats: Stats }) {
  const failed = stats.checks.filter((c) => !c.ok);
  return (
    <Alert mb="md" color={failed.length ? 'red' : 'green'} title={failed.length ? `数据校验：${failed.length} 项未通过` : '数据校验：全部通过'} role="status">
      <List spacing={4} size="sm">
        {(failed.length ? failed : stats.checks).map((c) => (
          <List.Item key={c.name} icon={<ThemeIcon size={18} radius="xl" color={c.ok ? 'green' : 'red'}>{c.ok ? <IconCheck size={12} /> : <IconX size={12} />}</ThemeIcon>}>
            {c.name}{c.ok ? '' : `：${c.detail}`}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
