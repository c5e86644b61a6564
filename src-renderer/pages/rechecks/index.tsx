import { Stack, Tabs, Title } from '@mantine/core';
import type { AreaProps } from '../../areas';
import { navigate } from '../../lib/router';
import { DuePanel } from './DuePanel';
import { CampaignsPanel } from './CampaignsPanel';
import { CampaignPage } from './CampaignPage';
import { VillagePage } from './VillagePage';
import { SuspectsPanel } from './SuspectsPanel';
import { SupervisionPanel } from './SupervisionPanel';
import { TeamPanel } from './TeamPanel';

/** 动态管理: #/rechecks/<tab>, campaigns at #/rechecks/campaigns/<id>[/<villageId>]. */
export default function RechecksArea({ path }: AreaProps) {
  const tab = path[0] ?? 'due';
  if (tab === 'campaigns' && path[1] && path[2]) return <VillagePage campaignId={Number(path[1])} villageId={Number(path[2])} />;
  if (tab === 'campaigns' && path[1]) return <CampaignPage id={Number(path[1])} />;
  return (
    <Stack>
      <Title order={3}>动态管理</Title>
      <Tabs value={tab} onChange={(v) => navigate(`/rechecks/${v}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="due">到期复核</Tabs.Tab>
          <Tabs.Tab value="campaigns">专项行动</Tabs.Tab>
          <Tabs.Tab value="suspects">疑点核查</Tabs.Tab>
          <Tabs.Tab value="supervision">数字监督</Tabs.Tab>
          <Tabs.Tab value="team">小组名册</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="due" pt="md"><DuePanel /></Tabs.Panel>
        <Tabs.Panel value="campaigns" pt="md"><CampaignsPanel /></Tabs.Panel>
        <Tabs.Panel value="suspects" pt="md"><SuspectsPanel /></Tabs.Panel>
        <Tabs.Panel value="supervision" pt="md"><SupervisionPanel /></Tabs.Panel>
        <Tabs.Panel value="team" pt="md"><TeamPanel /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
