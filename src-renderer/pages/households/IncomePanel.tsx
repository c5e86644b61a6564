import { useState } from 'react';
import { Badge, Button, Card, Checkbox, Group, NumberInput, Select, Table, Text, TextInput } from '@mantine/core';
import { call } from '../../lib/api';
import { attempt } from '../../lib/notify';
import { formatYuan } from '../../lib/format';
import type { Detail } from './HouseholdPage';
import { opts, type Options } from './useOptions';
import { useFieldErrors } from '../../lib/fieldErrors';

/** Monthly income items per member; excluded and deducted items marked. Ending an item keeps it on record. */
export function IncomePanel({ h, options, writable, reload }: { h: Detail; options: Options; writable: boolean; reload: () => void }) {
  const names = new Map(h.members.map((m) => [m.id, m.name]));
  const [f, setF] = useState({ memberId: '', type: '', yuan: 0 as number | string, excluded: false, deducted: false, note: '', reason: '' });
  const { err, run } = useFieldErrors();
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    const monthlyFen = Math.round(Number(f.yuan) * 100);
    if (await run(() => call('households.addIncome', { memberId: Number(f.memberId), type: f.type as '其他收入', monthlyFen,
      excluded: f.excluded, deducted: f.deducted, note: f.note, reason: f.reason }), '已登记收入')) { setF({ ...f, yuan: 0, note: '', reason: '' }); reload(); }
  };
  const end = async (itemId: number) => {
    const reason = window.prompt('停止该收入项的原因');
    if (reason && (await attempt(() => call('households.endIncome', { itemId, reason }), '已停止'))) reload();
  };
  return (
    <>
      {h.incomes.length === 0 ? <Text c="dimmed">暂无收入项</Text> : (
        <Table striped withTableBorder>
          <Table.Thead><Table.Tr>{['成员', '类型', '月收入', '说明', '', ''].map((x, i) => <Table.Th key={i}>{x}</Table.Th>)}</Table.Tr></Table.Thead>
          <Table.Tbody>{h.incomes.map((i) => (
            <Table.Tr key={i.id} style={{ opacity: i.active ? 1 : 0.5 }}>
              <Table.Td>{names.get(i.memberId)}</Table.Td><Table.Td>{i.type}</Table.Td><Table.Td>{formatYuan(i.monthlyFen)}</Table.Td>
              <Table.Td>{i.note}</Table.Td>
              <Table.Td>{i.excluded && <Badge size="xs" color="gray">不计入</Badge>}{i.deducted && <Badge size="xs" color="blue">扣减项</Badge>}{!i.active && <Badge size="xs" color="gray">已停止</Badge>}</Table.Td>
              <Table.Td>{writable && i.active && <Button size="compact-xs" variant="subtle" onClick={() => void end(i.id)}>停止</Button>}</Table.Td>
            </Table.Tr>))}
          </Table.Tbody>
        </Table>)}
      {writable && (
        <Card withBorder mt="md">
          <form onSubmit={add}>
            <Group align="flex-end" gap="xs">
              <Select label="成员" required data={h.members.filter((m) => m.state === '在户').map((m) => ({ value: String(m.id), label: m.name }))} value={f.memberId || null} onChange={(v) => setF({ ...f, memberId: v ?? '' })} w={120} error={err('memberId')} />
              <Select label="收入类型" required data={opts(options.incomeTypes)} value={f.type || null} onChange={(v) => setF({ ...f, type: v ?? '' })} w={140} error={err('type')} />
              <NumberInput label="月收入（元）" min={0} decimalScale={2} value={f.yuan} onChange={(v) => setF({ ...f, yuan: v })} w={120} error={err('monthlyFen')} />
              <TextInput label="说明" value={f.note} onChange={(e) => setF({ ...f, note: e.currentTarget.value })} w={140} error={err('note')} />
              <TextInput label="原因" value={f.reason} onChange={(e) => setF({ ...f, reason: e.currentTarget.value })} w={140} error={err('reason')} />
              <Checkbox label="不计入收入" checked={f.excluded} onChange={(e) => setF({ ...f, excluded: e.currentTarget.checked })} mb={8} error={err('excluded')} />
              <Checkbox label="扣减项" checked={f.deducted} onChange={(e) => setF({ ...f, deducted: e.currentTarget.checked })} mb={8} error={err('deducted')} />
              <Button type="submit">登记收入</Button>
            </Group>
          </form>
        </Card>)}
    </>
  );
}
