import { useState } from 'react';
import { todayIso } from '../../lib/format';
import { Button, Card, Checkbox, Group, MultiSelect, Radio, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { call, type In } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import type { Detail } from './HouseholdPage';
import { opts, type Options } from './useOptions';
import { DateField } from '../../components/DateField';
import { useFieldErrors } from '../../lib/fieldErrors';

type Patch = In<'households.update'>['facts'];

/**
 * Changing facts records who, when and why; a village change goes on the timeline as its own event. Status, category
 * and amounts are shown, not edited: decisions change them (main refuses them here too). The caller keys this form
 * by household (and its timeline), so it never shows or saves another household's values.
 */
export function ChangeFacts({ h, options, reload }: { h: Detail; options: Options; reload: () => void }) {
  const tree = useCall('regions.tree', {}).data;
  const initial = { villageId: h.villageId, groupId: h.groupId, address: h.address,
    certificateNo: h.certificateNo ?? '', housing: h.housing, vehicles: h.vehicles, propertyNotes: h.propertyNotes, bankName: h.bankName,
    causes: h.causes, flags: h.flags, edgeFamily: h.edgeFamily, ...(h.bankMasked ? {} : { bankAccount: h.bankAccount }) };
  const [f, setF] = useState(initial);
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  const { err, run } = useFieldErrors();
  const villages = tree?.[0]?.children ?? [];
  const groups = villages.find((v) => v.id === f.villageId)?.children ?? [];
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const patch = Object.fromEntries(Object.entries(f).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(initial[k as keyof typeof initial]))) as Patch;
    if (await run(() => call('households.update', { id: h.id, facts: patch, date, reason }), '已保存变更')) reload();
  };
  const text = (k: 'address' | 'certificateNo' | 'housing' | 'vehicles' | 'propertyNotes' | 'bankName' | 'bankAccount', label: string) =>
    <TextInput label={label} value={String(f[k as keyof typeof f] ?? '')} onChange={(e) => setF({ ...f, [k]: e.currentTarget.value })} error={err(`facts.${k}`)} />;
  return (
    <Stack>
      <Card withBorder>
        <form onSubmit={save}>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <TextInput label="保障类别" value={h.category} readOnly description="由审核确认决定；录入错误请管理员更正" />
            <TextInput label="状态" value={h.status} readOnly description="由审核确认、变更决定（增发/减发/停保/渐退）改变" />
            <Select label="村/居" data={villages.map((v) => ({ value: String(v.id), label: v.name }))} value={String(f.villageId)} allowDeselect={false}
              onChange={(v) => setF({ ...f, villageId: Number(v), groupId: null })} error={err('facts.villageId')} />
            <Select label="组" clearable data={groups.map((g) => ({ value: String(g.id), label: g.name }))} value={f.groupId ? String(f.groupId) : null} onChange={(v) => setF({ ...f, groupId: v ? Number(v) : null })} error={err('facts.groupId')} />
            {text('address', '住址')}{text('certificateNo', '低保证号')}{text('housing', '住房')}{text('vehicles', '车辆')}
            {text('propertyNotes', '财产说明')}{text('bankName', '开户银行')}{!h.bankMasked && text('bankAccount', '银行账号')}
            <MultiSelect label="致贫原因" data={opts(options.causes)} value={f.causes} onChange={(v) => setF({ ...f, causes: v })} />
            <MultiSelect label="标记" data={opts(options.flags)} value={f.flags} onChange={(v) => setF({ ...f, flags: v })} />
            <Checkbox mt="lg" label="低保边缘家庭" checked={f.edgeFamily} onChange={(e) => setF({ ...f, edgeFamily: e.currentTarget.checked })} />
            <DateField label="变更日期" required value={date} onChange={(v) => setDate(v)} error={err('date')} />
            <TextInput label="变更原因" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err('reason')} />
          </SimpleGrid>
          <Button mt="sm" type="submit">保存变更</Button>
        </form>
      </Card>
      <Coverage h={h} reload={reload} />
    </Stack>
  );
}

/** 整户保 or 单人保: main checks the 2021 conditions and says why it refuses. */
function Coverage({ h, reload }: { h: Detail; reload: () => void }) {
  const [mode, setMode] = useState(h.coverMode);
  const [ids, setIds] = useState(h.members.filter((m) => m.covered && m.state === '在户').map((m) => String(m.id)));
  const [reason, setReason] = useState('');
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await attempt(() => call('households.setCoverage', { householdId: h.id, mode: mode as '整户保', memberIds: ids.map(Number), reason }), '已设定保障人口')) reload();
  };
  return (
    <Card withBorder>
      <form onSubmit={save}>
        <Title order={5} mb="xs">保障人口</Title>
        <Group align="flex-end">
          <Radio.Group label="保障方式" value={mode} onChange={setMode}><Group><Radio value="整户保" label="整户保" /><Radio value="单人保" label="单人保" /></Group></Radio.Group>
          {mode === '单人保' && <MultiSelect label="保障对象" data={h.members.filter((m) => m.state === '在户').map((m) => ({ value: String(m.id), label: m.name }))} value={ids} onChange={setIds} w={240} />}
          <TextInput label="原因" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Button type="submit">设定</Button>
        </Group>
      </form>
    </Card>
  );
}
