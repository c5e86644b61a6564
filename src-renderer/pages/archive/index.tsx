import { Anchor, Stack, Tabs, Title } from '@mantine/core';
import type { AreaProps } from '../../areas';
import { navigate } from '../../lib/router';
import { HouseholdDocuments } from './HouseholdDocuments';
import { BagsPanel } from './BagsPanel';
import { CompletenessPanel } from './CompletenessPanel';
import { BorrowingPanel } from './BorrowingPanel';
import { RetentionPanel } from './RetentionPanel';
import { BoxesPanel } from './BoxesPanel';
import { ArchiveSettingsPanel } from './SettingsPanel';

const TABS = [
  { key: 'bags', label: '档案袋', page: BagsPanel },
  { key: 'completeness', label: '完整性检查', page: CompletenessPanel },
  { key: 'borrowing', label: '借阅登记', page: BorrowingPanel },
  { key: 'retention', label: '停保档案与处置', page: RetentionPanel },
  { key: 'boxes', label: '档案盒', page: BoxesPanel },
  { key: 'settings', label: '设置与校验', page: ArchiveSettingsPanel },
];

/** 档案室: #/archive/<tab>, and #/archive/bag/<householdId> for one household's bag. */
export default function ArchiveArea({ path }: AreaProps) {
  if (path[0] === 'bag' && Number(path[1]) > 0) {
    return (
      <Stack>
        <Anchor component="button" type="button" onClick={() => navigate('/archive/bags')}>← 返回档案袋列表</Anchor>
        <HouseholdDocuments householdId={Number(path[1])} />
      </Stack>
    );
  }
  const tab = TABS.some((t) => t.key === path[0]) ? path[0] : 'bags';
  return (
    <Stack>
      <Title order={3}>档案室</Title>
      <Tabs value={tab} onChange={(v) => navigate(`/archive/${v}`)} keepMounted={false}>
        <Tabs.List>{TABS.map((t) => <Tabs.Tab key={t.key} value={t.key}>{t.label}</Tabs.Tab>)}</Tabs.List>
        {TABS.map((t) => <Tabs.Panel key={t.key} value={t.key} pt="md"><t.page /></Tabs.Panel>)}
      </Tabs>
    </Stack>
  );
}
