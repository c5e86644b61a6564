import { Badge, Button, Group, Table } from '@mantine/core';
import { openOutbox } from '../../lib/api';
import { useJob } from '../../lib/useJob';
import { useCall } from '../../lib/useCall';
import { notifyOk } from '../../lib/notify';
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
        {data.map((l) => <LedgerRow key={l.name} ledger={l} period={period} />)}
      </Table.Tbody>
    </Table>
  );
}

/** One ledger: 导出 Excel, with what it writes (已写入 N 行) and 取消 while it runs. */
function LedgerRow({ ledger: l, period }: { ledger: { name: string; title: string; available: boolean }; period: string }) {
  const job = useJob('ledgers.exportLedger', { label: `${l.title}导出进度`, cancelledMessage: `已取消导出${l.title}，没有留下文件` });
  const exportIt = async () => {
    const r = await job.run({ name: l.name, period });
    if (r) { notifyOk(`${l.title}已导出`); await openOutbox(r.fileName); }
  };
  return (
    <Table.Tr>
      <Table.Td>{l.title}</Table.Td>
      <Table.Td>{l.available ? <Badge color="green" variant="light">可导出</Badge> : <Badge color="gray">暂无数据</Badge>}</Table.Td>
      <Table.Td>
        <Can channel="ledgers.exportLedger" otherwise="note">
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="light" disabled={!l.available} loading={job.busy} onClick={() => void exportIt()}>导出 Excel</Button>
            {job.progress}
          </Group>
        </Can>
      </Table.Td>
    </Table.Tr>
  );
}
