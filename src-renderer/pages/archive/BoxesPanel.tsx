import { useState } from 'react';
import { Group, Table, Text } from '@mantine/core';
import { useCall } from '../../lib/useCall';
import { ErrorAlert, Loading } from '../../components/Status';
import { PrintButton } from '../../components/PrintButton';
import { VillageSelect } from './shared';

/** Boxes and what their spine labels say; print the labels of one village or of all. */
export function BoxesPanel() {
  const [villageId, setVillageId] = useState<number | undefined>();
  const { data, error, loading } = useCall('archive.boxes', { villageId });
  if (error) return <ErrorAlert error={error} />;
  return (
    <>
      <Group align="flex-end" mb="md">
        <VillageSelect value={villageId} onChange={setVillageId} />
        <PrintButton document="archive.spines" args={villageId ? { villageId } : {}} label="打印盒脊标签" disabled={!data?.length} />
      </Group>
      {loading && !data ? <Loading /> : data && (
        <Table striped aria-label="档案盒">
          <Table.Thead><Table.Tr><Table.Th>盒号</Table.Th><Table.Th>村（居）</Table.Th><Table.Th>组</Table.Th><Table.Th>袋数</Table.Th>
            <Table.Th>起止件号</Table.Th><Table.Th>年度</Table.Th><Table.Th>保管期限</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.length === 0 && <Table.Tr><Table.Td colSpan={7}><Text c="dimmed" size="sm">还没有档案盒</Text></Table.Td></Table.Tr>}
            {data.map((b) => (
              <Table.Tr key={b.containerKey}>
                <Table.Td>{b.boxCode}</Table.Td><Table.Td>{b.village}</Table.Td><Table.Td>{b.group}</Table.Td><Table.Td>{b.bags}</Table.Td>
                <Table.Td>{b.firstBag}—{b.lastBag}</Table.Td><Table.Td>{b.years}</Table.Td><Table.Td>{b.retention}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
