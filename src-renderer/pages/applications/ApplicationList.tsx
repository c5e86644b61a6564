import { useState } from 'react';
import { Button, Group, Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { useCall } from '../../lib/useCall';
import { navigate } from '../../lib/router';
import { formatDate, formatYuan } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';
import { StageBadge } from './shared';
import { Can } from '../../lib/access';

const STAGES = ['待受理', '调查中', '待初审', '待公示', '公示中', '待确认', '已确认', '不予受理', '不予确认'];
const PAGE_SIZE = 20;

export function ApplicationList() {
  const [page, setPage] = useState(1);
  const [stage, setStage] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const { data, error, loading } = useCall('applications.list', { page, pageSize: PAGE_SIZE, sort: 'id', desc: true, stage: stage ?? undefined, q: q || undefined });
  return (
    <>
      <Group align="flex-end" mb="sm">
        <TextInput label="户主或申请人" value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} />
        <Select label="环节" data={STAGES} value={stage} onChange={(v) => { setStage(v); setPage(1); }} clearable placeholder="全部" />
        <Can channel="applications.start"><Button onClick={() => navigate('/applications/new')}>登记新申请</Button></Can>
      </Group>
      <ErrorAlert error={error} />
      {loading && !data ? <Loading /> : data && (
        <>
          <Table striped highlightOnHover>
            <Table.Thead><Table.Tr><Table.Th>编号</Table.Th><Table.Th>户主</Table.Th><Table.Th>村/组</Table.Th><Table.Th>申请日期</Table.Th>
              <Table.Th>环节</Table.Th><Table.Th>月保障金</Table.Th><Table.Th>规则</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/applications/${r.id}`)}>
                  <Table.Td>{r.id}</Table.Td>
                  <Table.Td><a href={`#/applications/${r.id}`}>{r.headName}</a>{r.nearRelative ? '（近亲属备案）' : ''}</Table.Td>
                  <Table.Td>{r.village}{r.group}</Table.Td><Table.Td>{formatDate(r.appliedOn)}</Table.Td>
                  <Table.Td><StageBadge stage={r.stage} /></Table.Td>
                  <Table.Td>{r.amountFen != null ? formatYuan(r.amountFen) : ''}</Table.Td><Table.Td>{r.ruleSet}办法</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" mt="sm">
            <Text size="sm" c="dimmed">共 {data.total} 件</Text>
            <Pagination total={Math.max(1, Math.ceil(data.total / PAGE_SIZE))} value={page} onChange={setPage} />
          </Group>
        </>
      )}
    </>
  );
}
