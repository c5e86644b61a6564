import { useState } from 'react';
import { Anchor, Badge, Button, Pagination, SegmentedControl, Table, Text } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { formatDate } from '../../lib/format';
import { navigate } from '../../lib/router';
import { canWrite, useUser } from '../../lib/user';
import { ErrorAlert, Loading } from '../../components/Status';
import { todayIso } from '../../lib/format';

const PAGE = 50;

/** 借阅登记簿: bags out, overdue first; lending is done on the bag's page. */
export function BorrowingPanel() {
  const user = useUser();
  const [filter, setFilter] = useState<'open' | 'overdue' | 'all'>('open');
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useCall('archive.borrowings', { filter, page, pageSize: PAGE });
  const giveBack = async (borrowingId: number) => {
    if (await attempt(() => call('archive.return', { borrowingId, returnedAt: todayIso() }), '已登记归还')) void reload();
  };
  return (
    <>
      <SegmentedControl mb="md" value={filter} onChange={(v) => { setFilter(v as typeof filter); setPage(1); }}
        data={[{ value: 'open', label: '在借' }, { value: 'overdue', label: '逾期未还' }, { value: 'all', label: '全部记录' }]} />
      {error && <ErrorAlert error={error} />}
      {loading && !data ? <Loading /> : data && (
        <>
          <Text size="sm" c="dimmed" mb="xs">共 {data.total} 条。借出请在该户档案袋页面登记。</Text>
          <Table striped aria-label="借阅登记簿">
            <Table.Thead><Table.Tr><Table.Th>档号</Table.Th><Table.Th>户主</Table.Th><Table.Th>借阅人</Table.Th><Table.Th>用途</Table.Th>
              <Table.Th>借出</Table.Th><Table.Th>应还</Table.Th><Table.Th>归还</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td><Anchor component="button" type="button" onClick={() => navigate(`/archive/bag/${r.householdId}`)}>{r.archiveNo}</Anchor></Table.Td>
                  <Table.Td>{r.headName}</Table.Td><Table.Td>{r.borrower}</Table.Td><Table.Td>{r.purpose}</Table.Td>
                  <Table.Td>{formatDate(r.borrowedAt)}（{r.lentBy}）</Table.Td>
                  <Table.Td>{formatDate(r.dueDate)}{r.overdueDays > 0 && <Badge ml={4} color="red">逾期 {r.overdueDays} 天</Badge>}</Table.Td>
                  <Table.Td>{r.returnedAt ? `${formatDate(r.returnedAt)}（${r.returnedTo ?? ''}）` : '未还'}</Table.Td>
                  <Table.Td>{!r.returnedAt && canWrite(user) && <Button size="compact-xs" onClick={() => void giveBack(r.id)}>登记归还</Button>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pagination mt="md" total={Math.max(1, Math.ceil(data.total / PAGE))} value={page} onChange={setPage} />
        </>
      )}
    </>
  );
}
