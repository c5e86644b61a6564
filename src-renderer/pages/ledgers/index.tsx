import { useState } from 'react';
import { Stack, Tabs, Title } from '@mantine/core';
import type { AreaProps } from '../../areas';
import { navigate } from '../../lib/router';
import { useUser } from '../../lib/user';
import { StatsPanel } from './StatsPanel';
import { LedgersPanel } from './LedgersPanel';
import { PackagePanel } from './PackagePanel';
import { CountyPanel } from './CountyPanel';
import { MonthField } from '../../components/DateField';

/** The previous month: statistics are reported by the 4th of the next month. */
function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export default function LedgersArea({ path }: AreaProps) {
  const user = useUser();
  const county = user.role === 'county';
  const tab = path[0] ?? (county ? 'county' : 'stats');
  const [period, setPeriod] = useState(lastMonth());
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  return (
    <Stack>
      <Title order={3}>台账报送</Title>
      <MonthField label="统计月份" value={period} w={220} onChange={setPeriod} error={valid ? undefined : '请填写年月，如 2026年10月'} />
      <Tabs value={tab} onChange={(v) => navigate(`/ledgers/${v}`)} keepMounted={false}>
        <Tabs.List>
          {!county && <Tabs.Tab value="stats">月度统计</Tabs.Tab>}
          {!county && <Tabs.Tab value="ledgers">台账导出</Tabs.Tab>}
          {!county && <Tabs.Tab value="package">报送U盘</Tabs.Tab>}
          {county && <Tabs.Tab value="county">县级汇总</Tabs.Tab>}
        </Tabs.List>
        {valid && <>
          <Tabs.Panel value="stats" pt="md"><StatsPanel period={period} /></Tabs.Panel>
          <Tabs.Panel value="ledgers" pt="md"><LedgersPanel period={period} /></Tabs.Panel>
          <Tabs.Panel value="package" pt="md"><PackagePanel period={period} /></Tabs.Panel>
          <Tabs.Panel value="county" pt="md"><CountyPanel period={period} /></Tabs.Panel>
        </>}
      </Tabs>
    </Stack>
  );
}
