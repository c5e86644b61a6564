import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCall } from '../../lib/useCall';
import { ErrorAlert, Loading } from '../../components/Status';

/** The four digital-supervision lists on local data, each case linked to its household file. */
export function SupervisionPanel() {
  const { data, error, loading } = useCall('rechecks.supervision', {});
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  return (
    <Stack>
      {data.map((list) => (
        <Paper key={list.key} withBorder p="sm">
          <Title order={5}>{list.label} <Badge color={list.findings.length ? 'red' : 'green'} variant="light">{list.findings.length}</Badge></Title>
          {list.findings.length === 0 ? <Text size="sm" c="dimmed">未发现</Text> : (
            <Table mt="xs">
              <Table.Thead><Table.Tr><Table.Th>人员</Table.Th><Table.Th>情况</Table.Th><Table.Th>户档案</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {list.findings.map((f, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{f.person}</Table.Td><Table.Td>{f.detail}</Table.Td>
                    <Table.Td>{f.links.map((l) => <Anchor key={l.householdId} href={l.href} mr="sm">{l.headName || `户 ${l.householdId}`}</Anchor>)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
