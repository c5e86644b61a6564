import { Stack, Tabs, Title } from '@mantine/core';
import type { AreaProps } from '../../areas';
import { navigate } from '../../lib/router';
import { CasesPanel } from './CasesPanel';
import { StaffPanel } from './StaffPanel';
import { SpotChecksPanel } from './SpotChecksPanel';
import { CustodyPanel } from './CustodyPanel';

/** 近亲属备案 area: the filing ledger, the staff/cadre registry, county spot checks and 银行卡代管. */
export default function RelativesArea({ path }: AreaProps) {
  const tab = path[0] ?? 'cases';
  return (
    <Stack>
      <Title order={3}>近亲属备案与资金监管</Title>
      <Tabs value={tab} onChange={(v) => navigate(`/relatives/${v}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="cases">备案台账</Tabs.Tab>
          <Tabs.Tab value="staff">经办人员与村干部</Tabs.Tab>
          <Tabs.Tab value="spot">县级抽查</Tabs.Tab>
          <Tabs.Tab value="custody">银行卡代管</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="cases" pt="md"><CasesPanel /></Tabs.Panel>
        <Tabs.Panel value="staff" pt="md"><StaffPanel staffId={path[1] ? Number(path[1]) : null} /></Tabs.Panel>
        <Tabs.Panel value="spot" pt="md"><SpotChecksPanel /></Tabs.Panel>
        <Tabs.Panel value="custody" pt="md"><CustodyPanel /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
