import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { ErrorAlert, Loading } from '../../components/Status';

type Standards = Record<string, { 城市?: { monthlyFen: number }; 农村?: { monthlyFen: number } }>;

/**
 * Settings of the 审核确认 feature for the Settings page: the year's standards (元/人·月, urban and rural).
 * The holiday calendar has its own tab (settings/CalendarSettings), where each line is checked.
 */
export function ProcedureSettings() {
  const { data, error, loading, reload } = useCall('settings.get', {});
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [urban, setUrban] = useState<number>(0);
  const [rural, setRural] = useState<number>(0);
  const standards = (data?.['benefit.standards'] ?? {}) as Standards;
  useEffect(() => {
    setUrban((standards[year]?.城市?.monthlyFen ?? 0) / 100);
    setRural((standards[year]?.农村?.monthlyFen ?? 0) / 100);
  }, [data, year]); // eslint-disable-line react-hooks/exhaustive-deps
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  const save = async () => {
    const ok = await attempt(async () => {
      await call('settings.set', { key: 'benefit.standards', value: { ...standards, [year]: { 城市: { monthlyFen: Math.round(urban * 100) }, 农村: { monthlyFen: Math.round(rural * 100) } } } });
    }, `已保存 ${year} 年设置`);
    if (ok) void reload();
  };
  return (
    <Stack maw={560}>
      <TextInput label="年度" value={year} onChange={(e) => setYear(e.currentTarget.value)} />
      <Group>
        <NumberInput label="城市低保标准（元/人·月）" min={0} decimalScale={2} value={urban} onChange={(v) => setUrban(Number(v))} />
        <NumberInput label="农村低保标准（元/人·月）" min={0} decimalScale={2} value={rural} onChange={(v) => setRural(Number(v))} />
      </Group>
      <Text size="sm" c="dimmed">节假日与调休在“节假日日历”中录入。</Text>
      <Group><Button onClick={save}>保存</Button></Group>
    </Stack>
  );
}
