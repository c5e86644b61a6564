import { Stack, Tabs, Title } from '@mantine/core';
import type { AreaProps } from '../../areas';
import { navigate } from '../../lib/router';
import { ComplaintsPanel } from './ComplaintsPanel';
import { GovernancePanel } from './GovernancePanel';

/** 信访举报 area: the complaint register (with the overdue list) and the 专项治理工作台账. */
export default function ComplaintsArea({ path }: AreaProps) {
  const tab = path[0] ?? 'register';
  return (
    <Stack>
      <Title order={3}>信访举报与专项治理</Title>
      <Tabs value={tab} onChange={(v) => navigate(`/complaints/${v}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="register">信访举报台账</Tabs.Tab>
          <Tabs.Tab value="governance">专项治理工作台账</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="register" pt="md"><ComplaintsPanel /></Tabs.Panel>
        <Tabs.Panel value="governance" pt="md"><GovernancePanel /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
