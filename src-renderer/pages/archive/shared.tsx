import { Select } from '@mantine/core';
import { useCall } from '../../lib/useCall';

/** Village picker fed by the address tree (empty = all villages). */
export function VillageSelect({ value, onChange, label = '村（居）' }: { value: number | undefined; onChange: (v: number | undefined) => void; label?: string }) {
  const tree = useCall('regions.tree', {});
  const villages = (tree.data?.[0]?.children ?? []).map((v) => ({ value: String(v.id), label: v.name }));
  return <Select label={label} data={villages} value={value ? String(value) : null} onChange={(v) => onChange(v ? Number(v) : undefined)}
    placeholder="全部" clearable w={160} />;
}
