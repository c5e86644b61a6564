import { useState } from 'react';
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { call, type Out } from '../../lib/api';
import { notifyError } from '../../lib/notify';
import { DateField as DateBox } from '../../components/DateField';

export type LookupHousehold = Out<'supervision.households.lookup'>[number];

/** A date field typed on the keyboard (ISO value, shown as 2026年12月1日; null when emptied). */
export function DateField({ label, value, onChange, required, error }: { label: string; value: string | null | undefined; onChange: (v: string | null) => void; required?: boolean; error?: string }) {
  return <DateBox label={label} value={value ?? ''} required={required} error={error} onChange={(v) => onChange(v || null)} />;
}

/** Finds a household by a member's name (or ID tail) and picks it; optionally a member too. */
export function HouseholdPicker({ label = '相关户', onPick }: { label?: string; onPick: (h: LookupHousehold) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<LookupHousehold[] | null>(null);
  const search = async () => {
    if (!q.trim()) return;
    try { setFound(await call('supervision.households.lookup', { q: q.trim() })); } catch (e) { notifyError(e); }
  };
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs">
        <TextInput label={label} placeholder="户主或成员姓名、身份证号末几位" value={q} onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void search(); } }} />
        <Button variant="light" onClick={() => void search()}>查找</Button>
      </Group>
      {found && found.length === 0 && <Text size="sm" c="dimmed">没有找到</Text>}
      {found && found.length > 0 && (
        <Select aria-label="选择户" placeholder="选择户" data={found.map((h) => ({ value: String(h.id), label: `${h.villageName ?? ''} ${h.headName ?? ''}户（${h.status}）` }))}
          onChange={(v) => { const h = found.find((x) => String(x.id) === v); if (h) onPick(h); }} />
      )}
    </Stack>
  );
}

export const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size));
