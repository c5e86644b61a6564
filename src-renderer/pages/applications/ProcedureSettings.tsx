import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { ErrorAlert, Loading } from '../../components/Status';

type Calendars = Record<string, { holidays: string[]; workdays: string[] }>;
type Standards = Record<string, { 城市?: { monthlyFen: number }; 农村?: { monthlyFen: number } }>;

/**
 * Settings of the 审核确认 feature for the Settings page: the year's standards (元/人·月, urban and rural) and
 * the holiday calendar with 调休 for a year (one date or range 'YYYY-MM-DD..YYYY-MM-DD' per line).
 * 2025 and 2026 ship built in; a year saved here replaces the built-in one.
 */
export function ProcedureSettings() {
  const { data, error, loading, reload } = useCall('settings.get', {});
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [urban, setUrban] = useState<number>(0);
  const [rural, setRural] = useState<number>(0);
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const calendars = (data?.['workdays.calendars'] ?? {}) as Calendars;
  const standards = (data?.['benefit.standards'] ?? {}) as Standards;
  useEffect(() => {
    setUrban((standards[year]?.城市?.monthlyFen ?? 0) / 100);
    setRural((standards[year]?.农村?.monthlyFen ?? 0) / 100);
    setHolidays((calendars[year]?.holidays ?? []).join('\n'));
    setWorkdays((calendars[year]?.workdays ?? []).join('\n'));
  }, [data, year]); // eslint-disable-line react-hooks/exhaustive-deps
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
  const save = async () => {
    const ok = await attempt(async () => {
      await call('settings.set', { key: 'benefit.standards', value: { ...standards, [year]: { 城市: { monthlyFen: Math.round(urban * 100) }, 农村: { monthlyFen: Math.round(rural * 100) } } } });
      if (lines(holidays).length || lines(workdays).length) {
        await call('settings.set', { key: 'workdays.calendars', value: { ...calendars, [year]: { holidays: lines(holidays), workdays: lines(workdays) } } });
      }
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
      <Textarea label="法定节假日（每行一个日期或 起..止）" autosize minRows={3} value={holidays} onChange={(e) => setHolidays(e.currentTarget.value)} />
      <Textarea label="调休上班日（每行一个日期）" autosize minRows={2} value={workdays} onChange={(e) => setWorkdays(e.currentTarget.value)} />
      <Text size="sm" c="dimmed">2025、2026 年节假日已内置；留空则沿用内置日历（未内置的年份只按周末计算）。</Text>
      <Group><Button onClick={save}>保存</Button></Group>
    </Stack>
  );
}
