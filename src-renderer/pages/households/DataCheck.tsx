import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { Out } from '../../lib/api';
import { useJob } from '../../lib/useJob';
import { useCall } from '../../lib/useCall';
import { navigate } from '../../lib/router';
import { formatDate, formatDateTime, formatYuan } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';

/**
 * 数据体检: every household whose record breaks a case-record rule (main runs domain/caseRecord; this page only
 * lists), each with a link to the household, and the open 待调整 / 待停保 tasks with their time limits.
 */
export function DataCheck() {
  const job = useJob('health.run', { label: '体检进度', cancelledMessage: '已取消体检' });
  const [r, setR] = useState<Out<'health.run'> | null>(null);
  const [failed, setFailed] = useState(false);
  const tasks = useCall('caseRecord.tasks', {});
  // the rules run in a worker (seconds at county scale); unchanged data answers from the last check at once
  const check = async (force: boolean) => { const v = await job.run({ force }); if (v) setR(v); else setFailed(true); };
  useEffect(() => { void check(false); }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once on open
  if (tasks.error) return <ErrorAlert error={tasks.error} />;
  const state = job.busy || (!r && !failed) || !tasks.data ? 'loading' : r ? 'ready' : 'error';
  if (!r || !tasks.data) {
    return (
      <Stack data-state={state}>
        <Title order={3}>数据体检</Title>
        {job.progress ?? (failed ? <Button variant="light" w={120} onClick={() => { setFailed(false); void check(false); }}>重新体检</Button> : <Loading />)}
      </Stack>
    );
  }
  const open = (id: number) => navigate(`/households/${id}`);
  return (
    <Stack data-state={state}>
      <Group justify="space-between">
        <Title order={3}>数据体检</Title>
        <Group>{job.progress}<Button variant="light" disabled={job.busy} onClick={() => { void check(true); void tasks.reload(); }}>重新体检</Button></Group>
      </Group>
      <Text c="dimmed" size="sm">
        {formatDateTime(r.checkedAt)} 体检{r.fromCache ? '（此后数据未变，沿用该次结果）' : ''}，检查了 {r.households} 户，用时 {r.ms} 毫秒。规则：{Object.values(r.rules).join('；')}。
      </Text>
      {r.findings.length === 0
        ? <Badge color="green" size="lg" data-testid="health-clean">全部相符，没有发现问题</Badge>
        : <Badge color="red" size="lg" data-testid="health-count">发现 {r.findings.length} 个问题</Badge>}
      {r.findings.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead><Table.Tr><Table.Th>户</Table.Th><Table.Th>规则</Table.Th><Table.Th>情况</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {r.findings.map((f, i) => (
              <Table.Tr key={`${f.householdId}:${f.rule}:${i}`}>
                <Table.Td><Anchor component="button" onClick={() => open(f.householdId)}>{f.label}</Anchor></Table.Td>
                <Table.Td>{f.ruleName}</Table.Td>
                <Table.Td>{f.detail}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={4}>待调整、待停保（{tasks.data.length}）</Title>
      {tasks.data.length === 0 ? <Text c="dimmed">没有待办的调整或停保。</Text> : (
        <Table striped highlightOnHover>
          <Table.Thead><Table.Tr><Table.Th>户</Table.Th><Table.Th>事项</Table.Th><Table.Th>起因</Table.Th><Table.Th>现发放</Table.Th>
            <Table.Th>新核算</Table.Th><Table.Th>办理时限</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {tasks.data.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td><Anchor component="button" onClick={() => open(t.householdId)}>{t.household}</Anchor></Table.Td>
                <Table.Td><Badge color={t.kind === '待停保' ? 'red' : 'orange'}>{t.kind}</Badge></Table.Td>
                <Table.Td>{t.trigger}</Table.Td>
                <Table.Td>{formatYuan(t.beforeFen)}</Table.Td>
                <Table.Td title={t.steps.map((x) => `${x.label}：${x.formula}`).join('\n')}>{t.kind === '待停保' ? '应停保' : formatYuan(t.afterFen)}</Table.Td>
                <Table.Td>{formatDate(t.dueDate)} 前</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
