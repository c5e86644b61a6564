import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { notifyError, notifyOk } from '../../lib/notify';
import { navigate } from '../../lib/router';
import { canWrite, useUser } from '../../lib/user';
import { ErrorAlert, Loading } from '../../components/Status';
import { VillageSelect } from './shared';

const PAGE = 50;
const SORTS = [{ value: 'location', label: '按存放位置' }, { value: 'archiveNo', label: '按档号' }, { value: 'headName', label: '按户主' }];

/** Every bag, paged and sorted in main; filter by village, status, 单独管理, name or 档号. */
export function BagsPanel() {
  const user = useUser();
  const [q, setQ] = useState({ page: 1, sort: 'location' as 'location' | 'archiveNo' | 'headName', villageId: undefined as number | undefined,
    status: undefined as '在管' | '停保档案' | '已处置' | undefined, separate: false, q: '' });
  const [search, setSearch] = useState('');
  const { data, error, loading, reload } = useCall('archive.bags', { ...q, pageSize: PAGE, q: q.q || undefined, separate: q.separate || undefined });
  const assign = async () => {
    try {
      const { assigned } = await call('archive.assignMissing', {});
      notifyOk(assigned ? `已为 ${assigned} 户补建档案袋` : '所有户都已有档案袋');
      void reload();
    } catch (e) { notifyError(e); }
  };
  return (
    <>
      <form onSubmit={(e) => { e.preventDefault(); setQ({ ...q, q: search, page: 1 }); }}>
        <Group align="flex-end" mb="md">
          <TextInput label="户主姓名 / 拼音首字母 / 档号" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={220} />
          <VillageSelect value={q.villageId} onChange={(v) => setQ({ ...q, villageId: v, page: 1 })} />
          <Select label="状态" data={['在管', '停保档案', '已处置']} value={q.status ?? null} clearable placeholder="全部" w={120}
            onChange={(v) => setQ({ ...q, status: (v ?? undefined) as typeof q.status, page: 1 })} />
          <Select label="排序" data={SORTS} value={q.sort} allowDeselect={false} w={130} onChange={(v) => setQ({ ...q, sort: v as typeof q.sort })} />
          <Checkbox label="只看单独管理（近亲属）" checked={q.separate} onChange={(e) => setQ({ ...q, separate: e.currentTarget.checked, page: 1 })} mb={8} />
          <Button type="submit">查询</Button>
          {canWrite(user) && <Button variant="default" onClick={() => void assign()}>为缺档案袋的户补建</Button>}
        </Group>
      </form>
      {error && <ErrorAlert error={error} />}
      {loading && !data ? <Loading /> : data && (
        <>
          <Text size="sm" c="dimmed" mb="xs">共 {data.total} 袋</Text>
          <Table striped highlightOnHover aria-label="档案袋列表">
            <Table.Thead><Table.Tr><Table.Th>档号</Table.Th><Table.Th>户主</Table.Th><Table.Th>村（居）</Table.Th><Table.Th>存放位置</Table.Th>
              <Table.Th>卷内文件</Table.Th><Table.Th>状态</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td><Anchor component="button" type="button" onClick={() => navigate(`/archive/bag/${r.householdId}`)}>{r.archiveNo}</Anchor></Table.Td>
                  <Table.Td>{r.headName}</Table.Td><Table.Td>{r.village}</Table.Td>
                  <Table.Td title={r.locationLabel}>{r.locationCode}</Table.Td><Table.Td>{r.items} 件</Table.Td>
                  <Table.Td><Group gap={4}><Badge variant="light" color={r.status === '在管' ? 'green' : 'orange'}>{r.status}</Badge>
                    {r.separate && <Badge color="red">单独管理</Badge>}</Group></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pagination mt="md" total={Math.max(1, Math.ceil(data.total / PAGE))} value={q.page} onChange={(p) => setQ({ ...q, page: p })} />
        </>
      )}
    </>
  );
}
