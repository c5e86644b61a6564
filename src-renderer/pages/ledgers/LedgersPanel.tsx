import { Badge, Button, Table } from '@mantine/core';
import { call, newJobId, openOutbox } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { ErrorAlert, Loading } from '../../components/Status';
import { Can } from '../../lib/access';

/** Each ledger of the registry, exported on its own (the package below writes them all at once). */
export function LedgersPanel({ period }: { period: string }) {
  const { data, error, loading } = useCall('ledgers.list', {});
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  return (
    <Table striped withTableBorder aria-label="台账清单">
      <Table.Thead><Table.Tr><Table.Th>台账</Table.Th><Table.Th>状态</Table.Th><Table.Th /></Table.Tr></Table.Thead>
      <Table.Tbody>
        {data.map((l) => (
          <Table.Tr key={l.name}>
            <Table.Td>{l.title}</Table.Td>
            <Table.Td>{l.available ? <Badge color="green" variant="light">可导出</Badge> : <Badge color="gray">暂无数据</Badge>}</Table.Td>
            <Table.Td>
              <Can channel="ledgers.exportLedger" otherwise="note">
              <Button size="xs" variant="light" disabled={!l.available}
                onClick={() => attempt(async () => { const r = await call('ledgers.exportLedger', { name: l.name, period }, { jobId: newJobId() }); await openOutbox(r.fileName); }, `${l.title}已导出`)}>
                导出 Excel
              </Button>
              </Can>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
