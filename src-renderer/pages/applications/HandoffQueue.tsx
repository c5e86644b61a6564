import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useCall } from '../../lib/useCall';
import { formatDate, formatDateTime } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';

/** 待审核: the records 经办人 handed to the reviewer, and the ones the reviewer returned with a note. */
export function HandoffQueue() {
  const waiting = useCall('applications.handoff.queue', { status: '待审核' });
  const returned = useCall('applications.handoff.queue', { status: '已退回' });
  if (waiting.error || returned.error) return <ErrorAlert error={waiting.error ?? returned.error} />;
  if (!waiting.data || !returned.data) return <Loading />;
  return (
    <Stack>
      <Title order={5}>待审核人确认（{waiting.data.length}）</Title>
      {waiting.data.length === 0 ? <Text c="dimmed" size="sm">没有待确认的记录。</Text> : (
        <Table striped data-testid="handoff-queue">
          <Table.Thead><Table.Tr><Table.Th>申请</Table.Th><Table.Th>村（居）</Table.Th><Table.Th>记录</Table.Th><Table.Th>意见</Table.Th><Table.Th>日期</Table.Th><Table.Th>准备人</Table.Th><Table.Th>提交时间</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {waiting.data.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td><Anchor href={`#/applications/${h.applicationId}`}>{h.headName}户（申请 {h.applicationId}）</Anchor></Table.Td>
                <Table.Td>{h.village}</Table.Td><Table.Td>{h.label}</Table.Td><Table.Td>{[h.opinion, h.reason].filter(Boolean).join('；')}</Table.Td>
                <Table.Td>{formatDate(h.date)}</Table.Td><Table.Td>{h.preparedBy}</Table.Td><Table.Td>{formatDateTime(h.preparedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {returned.data.length > 0 && (
        <>
          <Title order={5}>已退回经办人（{returned.data.length}）</Title>
          <Table striped>
            <Table.Thead><Table.Tr><Table.Th>申请</Table.Th><Table.Th>记录</Table.Th><Table.Th>退回说明</Table.Th><Table.Th>退回人</Table.Th><Table.Th>准备人</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {returned.data.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td><Anchor href={`#/applications/${h.applicationId}`}>{h.headName}户（申请 {h.applicationId}）</Anchor></Table.Td>
                  <Table.Td>{h.label}</Table.Td><Table.Td>{h.note}</Table.Td><Table.Td>{h.decidedBy}</Table.Td><Table.Td>{h.preparedBy}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
