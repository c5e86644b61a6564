import { useState } from 'react';
import { Badge, Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { call, type Out } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { formatDate } from '../../lib/format';
import { canWrite, useUser } from '../../lib/user';
import { ErrorAlert, Loading } from '../../components/Status';
import { useFieldErrors } from '../../lib/fieldErrors';

type Task = Out<'supervision.governance.tasks'>[number];
const STATUSES = ['未开始', '进行中', '已完成'] as const;

/** 专项治理工作台账: one ledger per campaign year, created from the seed-000 task template. */
export function GovernancePanel() {
  const me = useUser();
  const ledgers = useCall('supervision.governance.list', {});
  const [selected, setSelected] = useState<number | null>(null);
  const [year, setYear] = useState(new Date().getFullYear());
  const current = selected ?? ledgers.data?.[0]?.id ?? null;
  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    let id = 0;
    if (await attempt(async () => { id = (await call('supervision.governance.create', { year })).id; }, '已按模板建立台账')) { void ledgers.reload(); setSelected(id); }
  };
  return (
    <Stack>
      <Group align="flex-end">
        <Select label="台账" w={440} data={(ledgers.data ?? []).map((l) => ({ value: String(l.id), label: `${l.title}（${l.done ?? 0}/${l.tasks} 已完成）` }))}
          value={current ? String(current) : null} onChange={(v) => setSelected(v ? Number(v) : null)} allowDeselect={false} />
        {canWrite(me) && (
          <form onSubmit={create} aria-label="新建年度台账">
            <Group align="flex-end">
              <NumberInput label="治理年度" value={year} onChange={(v) => setYear(Number(v) || year)} min={2000} max={2100} w={110} />
              <Button type="submit" variant="light">按模板新建年度台账</Button>
            </Group>
          </form>
        )}
      </Group>
      <ErrorAlert error={ledgers.error} />
      {current ? <Tasks ledgerId={current} onChanged={() => void ledgers.reload()} /> : ledgers.data && <Text c="dimmed">还没有专项治理台账，请按模板新建。</Text>}
    </Stack>
  );
}

function Tasks({ ledgerId, onChanged }: { ledgerId: number; onChanged: () => void }) {
  const me = useUser();
  const { data, error, reload } = useCall('supervision.governance.tasks', { ledgerId });
  const [editing, setEditing] = useState<number | null>(null);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loading />;
  return (
    <Table striped>
      <Table.Thead><Table.Tr><Table.Th>序号</Table.Th><Table.Th>任务</Table.Th><Table.Th>完成时限</Table.Th><Table.Th>责任人</Table.Th><Table.Th>进展</Table.Th>
        <Table.Th>佐证材料</Table.Th><Table.Th>状态</Table.Th><Table.Th /></Table.Tr></Table.Thead>
      <Table.Tbody>
        {data.map((t) => editing === t.id
          ? <Table.Tr key={t.id}><Table.Td colSpan={8}><TaskForm task={t} ledgerId={ledgerId} onDone={(saved) => { setEditing(null); if (saved) { void reload(); onChanged(); } }} /></Table.Td></Table.Tr>
          : (
            <Table.Tr key={t.id}>
              <Table.Td>{t.seq}</Table.Td>
              <Table.Td maw={360}><Text fw={600} size="sm">{t.title}</Text><Text size="xs" c="dimmed">{t.section}</Text><Text size="xs">{t.content}</Text></Table.Td>
              <Table.Td>{formatDate(t.deadline)}<Text size="xs" c="dimmed">{t.deadlineNote}</Text>{t.overdue && <Badge color="red">逾期</Badge>}</Table.Td>
              <Table.Td>{t.responsible}</Table.Td><Table.Td maw={240}>{t.progress}</Table.Td><Table.Td maw={200}>{t.evidence}</Table.Td>
              <Table.Td><Badge color={t.status === '已完成' ? 'green' : t.status === '进行中' ? 'blue' : 'gray'} variant="light">{t.status}</Badge></Table.Td>
              <Table.Td>{canWrite(me) && <Button size="xs" variant="subtle" onClick={() => setEditing(t.id)}>更新</Button>}</Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}

function TaskForm({ task, ledgerId, onDone }: { task: Task; ledgerId: number; onDone: (saved: boolean) => void }) {
  const [f, setF] = useState({ responsible: task.responsible, status: task.status as (typeof STATUSES)[number], progress: task.progress, evidence: task.evidence });
  const { err, run } = useFieldErrors();
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await run(() => call('supervision.governance.saveTask', { ...task, ...f, ledgerId }), '已更新任务')) onDone(true);
  };
  return (
    <Card withBorder>
      <form onSubmit={save} aria-label={`更新任务：${task.title}`}>
        <Stack gap="xs">
          <Text fw={600}>{task.seq}. {task.title}</Text>
          <Group grow>
            <TextInput label="责任人" value={f.responsible} onChange={(e) => setF({ ...f, responsible: e.currentTarget.value })} error={err('responsible')} />
            <Select label="状态" data={[...STATUSES]} value={f.status} onChange={(v) => setF({ ...f, status: (v ?? f.status) as typeof f.status })} allowDeselect={false} error={err('status')} />
          </Group>
          <Textarea label="工作进展" value={f.progress} onChange={(e) => setF({ ...f, progress: e.currentTarget.value })} autosize minRows={2} error={err('progress')} />
          <Textarea label="佐证材料（名称、存放位置）" value={f.evidence} onChange={(e) => setF({ ...f, evidence: e.currentTarget.value })} autosize minRows={1} error={err('evidence')} />
          <Group justify="flex-end"><Button variant="default" onClick={() => onDone(false)}>取消</Button><Button type="submit">保存</Button></Group>
        </Stack>
      </form>
    </Card>
  );
}
