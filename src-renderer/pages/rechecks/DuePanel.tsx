import { useState } from 'react';
import { Anchor, Badge, Group, Pagination, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useCall } from '../../lib/useCall';
import { call } from '../../lib/api';
import { attempt } from '../../lib/notify';
import { isAdmin, useUser } from '../../lib/user';
import { formatDate, formatYuan } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';
import { useVillages } from './shared';

const PAGE_SIZE = 50;
const STATES = ['待复核', '已逾期', '即将到期', '全部'] as const;

/** Who is due or overdue for a recheck, by village; and the 渐退 households with their end month. */
export function DuePanel() {
  const villages = useVillages();
  const [villageId, setVillageId] = useState<string | null>(null);
  const [state, setState] = useState<(typeof STATES)[number]>('待复核');
  const [page, setPage] = useState(1);
  const { data, error, loading } = useCall('rechecks.due', { villageId: villageId ? Number(villageId) : undefined, state, page, pageSize: PAGE_SIZE });
  const schedule = useCall('rechecks.schedule.get', {});
  const admin = isAdmin(useUser());
  if (error) return <ErrorAlert error={error} />;
  const setRule = async (rule: string | null) => {
    if (rule && await attempt(() => call('rechecks.schedule.set', { rule: rule as '2021' | '2012' }), '已切换复核频次规则')) void schedule.reload();
  };
  return (
    <Stack>
      {schedule.data && (
        <Text size="sm" c="dimmed">
          复核频次：{schedule.data.setting.rule === '2021' ? '2021办法' : '2012办法'}（
          {Object.entries(schedule.data.setting.months[schedule.data.setting.rule]).map(([k, v]) => `${k}每${v}个月`).join('，')}）；家庭成员死亡后 3 个月内复核
        </Text>
      )}
      {admin && schedule.data && (
        <Select label="复核频次规则" w={260} value={schedule.data.setting.rule} allowDeselect={false} onChange={setRule}
          data={[{ value: '2021', label: '2021办法（稳定每年、不固定每半年）' }, { value: '2012', label: '2012办法（三无每年、稳定每半年、变动按月/季）' }]} />
      )}
      <Group align="flex-end">
        <Select label="村（居）" data={villages} value={villageId} onChange={(v) => { setVillageId(v); setPage(1); }} clearable placeholder="全镇" />
        <SegmentedControl data={[...STATES]} value={state} onChange={(v) => { setState(v as typeof state); setPage(1); }} aria-label="到期状态" />
      </Group>
      {loading || !data ? <Loading /> : (
        <>
          <Group gap="xs">{data.summary.filter((v) => v.overdue + v.dueSoon > 0).map((v) => (
            <Badge key={v.villageId} variant="light" color={v.overdue ? 'red' : 'yellow'}>{v.village}：逾期 {v.overdue}，将到期 {v.dueSoon}</Badge>
          ))}</Group>
          <Table striped>
            <Table.Thead><Table.Tr><Table.Th>户主</Table.Th><Table.Th>村（居）</Table.Th><Table.Th>类别</Table.Th><Table.Th>复核分类</Table.Th><Table.Th>上次复核</Table.Th><Table.Th>应复核日期</Table.Th><Table.Th>原因</Table.Th><Table.Th>状态</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.rows.length === 0 && <Table.Tr><Table.Td colSpan={8}><Text c="dimmed">没有需要复核的户</Text></Table.Td></Table.Tr>}
              {data.rows.map((r) => (
                <Table.Tr key={r.householdId}>
                  <Table.Td><Anchor href={`#/households/${r.householdId}`}>{r.headName}</Anchor></Table.Td>
                  <Table.Td>{r.village}{r.group ? ` ${r.group}` : ''}</Table.Td><Table.Td>{r.category}</Table.Td><Table.Td>{r.cls}</Table.Td>
                  <Table.Td>{r.lastRechecked ? formatDate(r.lastDate) : `（起保 ${formatDate(r.lastDate)}）`}</Table.Td>
                  <Table.Td>{formatDate(r.dueDate)}</Table.Td><Table.Td>{r.reason}</Table.Td>
                  <Table.Td><Badge color={r.state === '已逾期' ? 'red' : r.state === '即将到期' ? 'yellow' : 'gray'}>{r.state}</Badge></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {data.total > PAGE_SIZE && <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} />}
        </>
      )}
      <GradualExits />
    </Stack>
  );
}

function GradualExits() {
  const { data } = useCall('rechecks.gradualExits', {});
  if (!data || data.length === 0) return null;
  return (
    <>
      <Title order={5} mt="md">渐退户</Title>
      <Table striped>
        <Table.Thead><Table.Tr><Table.Th>户主</Table.Th><Table.Th>村（居）</Table.Th><Table.Th>月保障金</Table.Th><Table.Th>渐退截止月</Table.Th><Table.Th>理由</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {data.map((r) => (
            <Table.Tr key={r.householdId}>
              <Table.Td><Anchor href={`#/households/${r.householdId}`}>{r.headName}</Anchor></Table.Td><Table.Td>{r.village}</Table.Td>
              <Table.Td>{formatYuan(r.monthlyAmountFen)}</Table.Td><Table.Td>{r.endMonth ? formatDate(r.endMonth) : '未登记'}</Table.Td><Table.Td>{r.reason ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
