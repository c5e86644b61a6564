import { useState } from 'react';
import { Anchor, Group, Table, Text } from '@mantine/core';
import { useCall } from '../../lib/useCall';
import { navigate } from '../../lib/router';
import { ErrorAlert, Loading } from '../../components/Status';
import { PrintButton } from '../../components/PrintButton';
import { VillageSelect } from './shared';

/** Per-village completeness (computed in main by the rule set in the settings); pick a village to list its households. */
export function CompletenessPanel() {
  const [villageId, setVillageId] = useState<number | undefined>();
  const { data, error, loading } = useCall('archive.completeness', { villageId });
  if (error) return <ErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  return (
    <>
      <Group align="flex-end" mb="md">
        <VillageSelect value={villageId} onChange={setVillageId} label="列出该村缺材料的户" />
        <PrintButton document="archive.completeness" args={villageId ? { villageId } : {}} label="打印完整性检查表" />
        <Text size="sm" c="dimmed">规则：{data.ruleSet}</Text>
      </Group>
      <Table striped aria-label="各村档案完整性">
        <Table.Thead><Table.Tr><Table.Th>村（居）</Table.Th><Table.Th>户数</Table.Th><Table.Th>齐全</Table.Th><Table.Th>缺材料</Table.Th><Table.Th>缺少的材料（户数）</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {data.villages.map((v) => (
            <Table.Tr key={v.villageId}>
              <Table.Td><Anchor component="button" type="button" onClick={() => setVillageId(v.villageId)}>{v.village}</Anchor></Table.Td>
              <Table.Td>{v.households}</Table.Td><Table.Td>{v.complete}</Table.Td><Table.Td>{v.incomplete}</Table.Td>
              <Table.Td>{Object.entries(v.missing).map(([t, n]) => `${t} ${n}`).join('；')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data.households.length > 0 && (
        <Table mt="lg" striped aria-label="缺材料的户">
          <Table.Thead><Table.Tr><Table.Th>户主</Table.Th><Table.Th>组</Table.Th><Table.Th>状态</Table.Th><Table.Th>档号</Table.Th><Table.Th>缺少的材料</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.households.map((h) => (
              <Table.Tr key={h.householdId}>
                <Table.Td><Anchor component="button" type="button" onClick={() => navigate(`/archive/bag/${h.householdId}`)}>{h.headName}</Anchor></Table.Td>
                <Table.Td>{h.group}</Table.Td><Table.Td>{h.status}</Table.Td><Table.Td>{h.archiveNo}</Table.Td><Table.Td>{h.missing.join('、')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
