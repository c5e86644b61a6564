import { Stack, Tabs, Title } from '@mantine/core';
import type { AreaProps } from '../../areas';
import { navigate } from '../../lib/router';
import { ApplicationList } from './ApplicationList';
import { ApplicationDetail } from './ApplicationDetail';
import { NewApplication } from './NewApplication';
import { Worklist } from './Worklist';
import { HandoffQueue } from './HandoffQueue';
import { useCan } from '../../lib/access';

/** 审核确认: #/applications (list), /worklist (deadlines by village), /new[/<householdId>], /<id> (one case). */
export default function ApplicationsArea({ path }: AreaProps) {
  const [first] = path;
  const canStart = useCan('applications.start');
  if (first && /^\d+$/.test(first)) return <ApplicationDetail id={Number(first)} />;
  const tab = first === 'worklist' || first === 'new' || first === 'queue' ? first : 'list';
  return (
    <Stack>
      <Title order={3}>审核确认</Title>
      <Tabs value={tab} onChange={(v) => navigate(`/applications/${v === 'list' ? '' : v}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list">申请列表</Tabs.Tab>
          <Tabs.Tab value="worklist">到期提醒</Tabs.Tab>
          <Tabs.Tab value="queue">交审核</Tabs.Tab>
          {canStart && <Tabs.Tab value="new" data-write="applications.start">登记新申请</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="list" pt="md"><ApplicationList /></Tabs.Panel>
        <Tabs.Panel value="worklist" pt="md"><Worklist /></Tabs.Panel>
        <Tabs.Panel value="queue" pt="md"><HandoffQueue /></Tabs.Panel>
        {canStart && <Tabs.Panel value="new" pt="md"><NewApplication preset={first === 'new' && Number(path[1]) > 0 ? Number(path[1]) : undefined} /></Tabs.Panel>}
      </Tabs>
    </Stack>
  );
}
