import { Stack, Tabs, Title } from '@mantine/core';
import type { AreaProps } from '../../areas';
import { navigate } from '../../lib/router';
import { isAdmin, useUser } from '../../lib/user';
import { PrintPanel } from './PrintPanel';
import { PostingDetail, PostingsPanel } from './PostingsPanel';
import { SettingsPanel } from './SettingsPanel';

/** 公示公告: print the four notices, record postings and objections, and (admin) notice settings. */
export default function NoticesArea({ path }: AreaProps) {
  const user = useUser();
  const tab = path[0] ?? 'print';
  return (
    <Stack>
      <Title order={3}>公示公告</Title>
      <Tabs value={tab} onChange={(v) => navigate(`/notices/${v}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="print">打印公示</Tabs.Tab>
          <Tabs.Tab value="postings">张贴记录</Tabs.Tab>
          {isAdmin(user) && <Tabs.Tab value="settings">公示设置</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="print" pt="md"><PrintPanel /></Tabs.Panel>
        <Tabs.Panel value="postings" pt="md">{path[1] ? <PostingDetail id={Number(path[1])} /> : <PostingsPanel />}</Tabs.Panel>
        {isAdmin(user) && <Tabs.Panel value="settings" pt="md"><SettingsPanel /></Tabs.Panel>}
      </Tabs>
    </Stack>
  );
}
