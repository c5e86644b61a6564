import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { ErrorAlert, Loading } from '../../components/Status';
import { useFieldErrors } from '../../lib/fieldErrors';

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
  // main's per-path messages (value.<年>.城市.monthlyFen …): each standard under its box, the rest (the year) under 年度
  const { err, run } = useFieldErrors();
  const urbanErr = err(`value.${year}.城市`);
  const ruralErr = err(`value.${year}.农村`);
  const yearErr = urbanErr || ruralErr ? undefined : err('value');
  const standards = (data?.['benefit.standards'] ?? {}) as Standards;
  useEffect(() => {
    setUrban((standards[year]?.城市?.monthlyFen ?? 0) / 100);
    setRural((standards[year]?.农村?.monthlyFen ?? 0) / 100);
  }, [data, year]); // eslint-disable-line react-hooks/exhaustive-deps
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  const save = async () => {
    const ok = await run(async () => {
      await call('settings.set', { key: 'benefit.standards', value: { ...standards, [year]: { 城市: { monthlyFen: Math.round(urban * 100) }, 农村: { monthlyFen: Math.round(rural * 100) } } } });
    }, `已保存 ${year} 年设置`);
    if (ok) void reload();
  };
  /** A yes/no rule of the procedure, saved at once (main checks the value by the key's own schema). */
  const toggle = async (key: 'applications.separateConfirm' | 'applications.delegated', value: boolean, words: string) => {
    if (await attempt(() => call('settings.set', { key, value }), `已${value ? '开启' : '关闭'}：${words}`)) void reload();
  };
  const separate = data['applications.separateConfirm'] !== false; // on by default
  const delegated = data['applications.delegated'] === true;
  return (
    <Stack maw={560}>
      <Switch label="初审与审核确认须由不同账号办理" checked={separate} data-write="settings.set"
        description="开启时，给出初审意见的账号不能再对同一申请作审核确认或不予确认（默认开启）"
        onChange={(e) => void toggle('applications.separateConfirm', e.currentTarget.checked, '初审与审核确认须由不同账号办理')} />
      <Switch label="县级已将审核确认权限下放乡镇（新申请）" checked={delegated} data-write="settings.set"
        description="未下放时，审核确认须登记县级民政部门的决定（审核确认人、单位、文号、日期），确认公布写明由县级审核确认"
        onChange={(e) => void toggle('applications.delegated', e.currentTarget.checked, '审核确认权限下放乡镇')} />
      <TextInput label="年度" value={year} onChange={(e) => setYear(e.currentTarget.value)} error={yearErr} />
      <Group>
        <NumberInput label="城市低保标准（元/人·月）" min={0} decimalScale={2} value={urban} onChange={(v) => setUrban(Number(v))} error={urbanErr} />
        <NumberInput label="农村低保标准（元/人·月）" min={0} decimalScale={2} value={rural} onChange={(v) => setRural(Number(v))} error={ruralErr} />
      </Group>
      <Text size="sm" c="dimmed">节假日与调休在“节假日日历”中录入。</Text>
      <Group><Button onClick={save}>保存</Button></Group>
    </Stack>
  );
}
