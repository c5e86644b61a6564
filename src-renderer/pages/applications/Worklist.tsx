import { useState } from 'react';
import { Badge, Group, Pagination, SegmentedControl, Table, Text } from '@mantine/core';
import { useCall } from '../../lib/useCall';
import { formatDate } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';
import { DeadlineBadge, StageBadge } from './shared';
import { UnverifiedBadge } from '../../components/Unverified';

const PAGE_SIZE = 50;

/** Due and overdue deadlines (working days, holiday calendar) by village. */
export function Worklist() {
  const [include, setInclude] = useState<'due' | 'all'>('due');
  const [page, setPage] = useState(1);
  const { data, error, loading } = useCall('applications.worklist', { include, page, pageSize: PAGE_SIZE });
  return (
    <>
      <SegmentedControl mb="sm" value={include} onChange={(v) => { setInclude(v as 'due'); setPage(1); }}
        data={[{ value: 'due', label: '到期与逾期' }, { value: 'all', label: '全部未完成期限' }]} />
      <ErrorAlert error={error} />
      {loading && !data ? <Loading /> : data && (
        <>
          <Group mb="sm" gap="xs">
            {data.villages.map((v) => (
              <Badge key={v.village} variant="outline" color={v.overdue ? 'red' : 'orange'}>{v.village}：逾期 {v.overdue} · 将到期 {v.due}</Badge>
            ))}
          </Group>
          {data.total === 0 ? <Text c="dimmed">没有到期事项（今天 {formatDate(data.today)}）。</Text> : (
            <Table striped>
              <Table.Thead><Table.Tr><Table.Th>村/居</Table.Th><Table.Th>户主</Table.Th><Table.Th>环节</Table.Th><Table.Th>期限</Table.Th>
                <Table.Th>到期日</Table.Th><Table.Th>状态</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={`${r.applicationId}-${r.key}`}>
                    <Table.Td>{r.village}</Table.Td><Table.Td><a href={`#/applications/${r.applicationId}`}>{r.headName}</a></Table.Td>
                    <Table.Td><StageBadge stage={r.stage} /></Table.Td><Table.Td>{r.label}</Table.Td>
                    <Table.Td>{formatDate(r.due)}<UnverifiedBadge years={r.unverified} /></Table.Td><Table.Td><DeadlineBadge state={r.state} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Pagination mt="sm" total={Math.max(1, Math.ceil(data.total / PAGE_SIZE))} value={page} onChange={setPage} />
        </>
      )}
    </>
  );
}
