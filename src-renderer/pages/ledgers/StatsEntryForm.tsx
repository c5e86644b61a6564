import { useState } from 'react';
import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { call, type Out } from '../../lib/api';
import { fieldErrors } from '../../lib/fieldErrors';
import { notifyError, notifyOk } from '../../lib/notify';
import { WriteArea } from '../../lib/access';

type Progress = Out<'ledgers.stats'>['progress'];

/**
 * 填报: seed 002's items the app cannot count from its records, kept with the month (ledgers.statsEntries.set).
 * Main checks every value; each problem is shown under its own field and nothing is saved until all are right.
 * An empty field clears the month's value. Render with key={period} so another month starts from its own values.
 */
export function StatsEntryForm({ period, progress, exported, onSaved }: { period: string; progress: Progress; exported: boolean; onSaved: () => void }) {
  const items = progress.filter((p) => p.source === '填报');
  const initial = Object.fromEntries(items.map((p) => [p.key, p.value === null ? '' : String(p.value)]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const changed = items.some((p) => (values[p.key] ?? '') !== initial[p.key]);
  const sections = [...new Set(items.map((p) => p.section))];

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      await call('ledgers.statsEntries.set', { period, values });
      setErrors({});
      notifyOk(`${period} 的填报数据已保存`);
      onSaved();
    } catch (err) {
      const byField = fieldErrors(err);
      setErrors(byField);
      if (!Object.keys(byField).some((k) => k.startsWith('values.'))) notifyError(err);
    } finally { setSaving(false); }
  };

  return (
    <WriteArea channel="ledgers.statsEntries.set" what="填报">
      <form onSubmit={save} aria-label="进展情况填报">
        <Stack gap="sm">
          <Text fw={600} mt="md">进展情况填报（系统不能统计的项目，按月保存）</Text>
          {exported && <Alert color="blue" role="status">本月报送包已导出，填报数据不能再修改。</Alert>}
          {sections.map((section) => (
            <Stack key={section} gap={4}>
              <Text size="sm" fw={500}>{section}</Text>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="xs">
                {items.filter((p) => p.section === section).map((p) => (
                  <TextInput key={p.key} label={p.label} name={p.key} disabled={exported}
                    description={p.unit === '日期' ? '如“7月5日”，未召开留空' : `单位：${p.unit}，不小于 0 的整数`}
                    value={values[p.key] ?? ''} error={errors[`values.${p.key}`]} inputMode={p.unit === '日期' ? 'text' : 'numeric'}
                    onChange={(e) => { const v = e.currentTarget.value; setValues((old) => ({ ...old, [p.key]: v })); }} />
                ))}
              </SimpleGrid>
            </Stack>
          ))}
          <Group><Button type="submit" loading={saving} disabled={exported || !changed}>保存填报</Button></Group>
        </Stack>
      </form>
    </WriteArea>
  );
}
