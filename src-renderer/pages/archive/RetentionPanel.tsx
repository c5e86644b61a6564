import { useState } from 'react';
import { Anchor, Button, Group, Modal, Select, Table, Text, TextInput } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { formatDate } from '../../lib/format';
import { navigate } from '../../lib/router';
import { canWrite, useUser } from '../../lib/user';
import { ErrorAlert, Loading } from '../../components/Status';
import { todayIso } from '../../lib/format';
import { DateField } from '../../components/DateField';
import { useFieldErrors } from '../../lib/fieldErrors';


/** Exited bags past their retention (computed in main from the settings); disposal needs a named approver. */
export function RetentionPanel() {
  const user = useUser();
  const { data, error, loading, reload } = useCall('archive.retentionDue', {});
  const [target, setTarget] = useState<{ id: number; archiveNo: string } | null>(null);
  const [f, setF] = useState({ method: '销毁' as '销毁' | '移交档案馆', approver: '', approvedAt: todayIso(), note: '' });
  const { err, run } = useFieldErrors();
  if (error) return <ErrorAlert error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const dispose = async (e: React.FormEvent) => {
    e.preventDefault();
    if (target && await run(() => call('archive.dispose', { bagId: target.id, ...f }), '已登记处置')) { setTarget(null); void reload(); }
  };
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">以下停保档案已过保管期限（审批类自停保起算，含日常管理类文件的按较长年限）。处置须经批准并登记，档案记录不会删除。</Text>
      <Table striped aria-label="已过保管期限的档案">
        <Table.Thead><Table.Tr><Table.Th>档号</Table.Th><Table.Th>户主</Table.Th><Table.Th>位置</Table.Th><Table.Th>停保（退出）</Table.Th><Table.Th>保管至</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {data.length === 0 && <Table.Tr><Table.Td colSpan={6}><Text c="dimmed" size="sm">没有已过保管期限的档案</Text></Table.Td></Table.Tr>}
          {data.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td><Anchor component="button" type="button" onClick={() => navigate(`/archive/bag/${r.householdId}`)}>{r.archiveNo}</Anchor></Table.Td>
              <Table.Td>{r.headName}</Table.Td><Table.Td>{r.locationCode}</Table.Td><Table.Td>{formatDate(r.exitedAt)}（{r.exitStatus}）</Table.Td>
              <Table.Td>{formatDate(r.retentionUntil)}</Table.Td>
              <Table.Td>{canWrite(user) && <Button size="compact-xs" color="red" variant="light" onClick={() => setTarget(r)}>登记处置</Button>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={!!target} onClose={() => setTarget(null)} title={`处置档案 ${target?.archiveNo ?? ''}`}>
        <form onSubmit={dispose}>
          <Select label="处置方式" data={['销毁', '移交档案馆']} value={f.method} allowDeselect={false} onChange={(v) => setF({ ...f, method: v as typeof f.method })} error={err('method')} />
          <TextInput label="批准人（姓名）" value={f.approver} onChange={(e) => setF({ ...f, approver: e.currentTarget.value })} required mt="sm" error={err('approver')} />
          <DateField label="批准日期" value={f.approvedAt} onChange={(v) => setF({ ...f, approvedAt: v })} required mt="sm" error={err('approvedAt')} />
          <TextInput label="说明" value={f.note} onChange={(e) => setF({ ...f, note: e.currentTarget.value })} mt="sm" error={err('note')} />
          <Group justify="flex-end" mt="md"><Button type="submit" color="red">确认处置</Button></Group>
        </form>
      </Modal>
    </>
  );
}
