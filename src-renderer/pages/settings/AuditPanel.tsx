import { useState } from 'react';
import { Alert, Button, Group, Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { useCall } from '../../lib/useCall';
import { ErrorAlert, Loading } from '../../components/Status';
import { formatDateTime } from '../../lib/format';
import { describe, RecordLink, recordHref } from './auditWords';

/** The audit trail, globally or for one entity (entity + id), with filters; and the chain check. */
export function AuditPanel({ entity, entityId }: { entity?: string; entityId?: string }) {
  const [filter, setFilter] = useState({ username: '', channel: '', entity: '', entityId: '' });
  const [page, setPage] = useState(1);
  const set = (k: keyof typeof filter) => (e: React.ChangeEvent<HTMLInputElement>) => { setFilter({ ...filter, [k]: e.currentTarget.value }); setPage(1); };
  const { data, error, loading } = useCall('audit.list', { entity: entity ?? (filter.entity || undefined), entityId: entityId ?? (filter.entityId || undefined),
    username: filter.username || undefined, channel: filter.channel || undefined, page, pageSize: 30 });
  const chain = useCall('audit.verify', {}, !entity);
  // the rows wait for the words too: a row must never show a channel code such as payroll.close, even for a moment
  const words = useCall('audit.words', {}).data;
  const action = (c: string) => words?.actions[c] ?? c;
  const entityLabel = (e: string) => words?.entities[e] ?? e;
  return (
    <>
      {!entity && chain.data && (chain.data.ok
        ? <Alert color="green" mb="sm">审计链完整：共 {chain.data.rows} 条记录，未发现改动。</Alert>
        : <Alert color="red" mb="sm" title="审计链被破坏">{chain.data.broken.map((b) => b.reason).join('；')}</Alert>)}
      <Group mb="sm">
        <TextInput size="xs" aria-label="操作人" placeholder="操作人" value={filter.username} onChange={set('username')} />
        <Select size="xs" aria-label="操作" placeholder="操作（如 新建户档案）" searchable clearable w={260} value={filter.channel || null}
          data={Object.entries(words?.actions ?? {}).map(([value, label]) => ({ value, label }))}
          onChange={(v) => { setFilter({ ...filter, channel: v ?? '' }); setPage(1); }} />
        {!entity && <Select size="xs" aria-label="对象类型" placeholder="对象类型（如 户档案）" searchable clearable w={180} value={filter.entity || null}
          data={Object.entries(words?.entities ?? {}).map(([value, label]) => ({ value, label }))}
          onChange={(v) => { setFilter({ ...filter, entity: v ?? '' }); setPage(1); }} />}
        {!entityId && <TextInput size="xs" aria-label="对象编号" placeholder="对象编号（如户档案号）" value={filter.entityId} onChange={set('entityId')} />}
        <Button size="xs" variant="subtle" onClick={() => chain.reload()}>重新校验</Button>
      </Group>
      <ErrorAlert error={error} />
      {loading || !data || !words ? <Loading /> : (
        <>
          <Table striped fz="xs">
            <Table.Thead><Table.Tr><Table.Th>#</Table.Th><Table.Th>时间</Table.Th><Table.Th>操作人</Table.Th><Table.Th>操作</Table.Th><Table.Th>对象</Table.Th><Table.Th>内容</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.rows.map((r: any) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.id}</Table.Td><Table.Td>{formatDateTime(r.at)}</Table.Td><Table.Td>{r.username}</Table.Td>
                  <Table.Td title={r.channel}>{action(r.channel)}</Table.Td>
                  <Table.Td><RecordLink label={`${entityLabel(r.entity)} ${r.entityId ?? ''}`} href={recordHref(r.entity, r.entityId, r.after)} /></Table.Td>
                  <Table.Td><Text size="xs">{describe(r.after)}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pagination mt="sm" total={Math.max(1, Math.ceil(data.total / 30))} value={page} onChange={setPage} />
        </>
      )}
    </>
  );
}
