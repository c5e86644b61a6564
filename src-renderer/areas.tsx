import type { ComponentType } from 'react';
import { IconHome, IconUsers, IconChecklist, IconRefresh, IconUserShield, IconSpeakerphone, IconArchive,
  IconFileSpreadsheet, IconMessageReport, IconSettings, IconCash } from '@tabler/icons-react';
import { DashboardPage } from './pages/DashboardPage';
import HouseholdsArea from './pages/households';
import ApplicationsArea from './pages/applications';
import RechecksArea from './pages/rechecks';
import RelativesArea from './pages/relatives';
import NoticesArea from './pages/notices';
import ArchiveArea from './pages/archive';
import LedgersArea from './pages/ledgers';
import PayrollArea from './pages/payroll';
import ComplaintsArea from './pages/complaints';
import SettingsArea from './pages/settings';

export interface AreaProps { path: string[] }
export interface Area {
  key: string; label: string; icon: ComponentType<{ size?: number }>; page: ComponentType<AreaProps>;
  /** The query the page cannot work without: the area is listed only for a user who may call it (auth.access). */
  channel?: string;
}

/** The navigation of the app frame; each area's pages live in pages/<area>/. */
export const AREAS: Area[] = [
  { key: 'home', label: '首页', icon: IconHome, page: DashboardPage },
  { key: 'households', label: '户档案', icon: IconUsers, page: HouseholdsArea },
  { key: 'applications', label: '审核确认', icon: IconChecklist, page: ApplicationsArea },
  { key: 'rechecks', label: '动态管理', icon: IconRefresh, page: RechecksArea },
  { key: 'relatives', label: '近亲属备案', icon: IconUserShield, page: RelativesArea },
  { key: 'notices', label: '公示公告', icon: IconSpeakerphone, page: NoticesArea },
  { key: 'archive', label: '档案室', icon: IconArchive, page: ArchiveArea },
  { key: 'payroll', label: '发放', icon: IconCash, page: PayrollArea, channel: 'payroll.month' },
  { key: 'ledgers', label: '台账报送', icon: IconFileSpreadsheet, page: LedgersArea },
  { key: 'complaints', label: '信访举报', icon: IconMessageReport, page: ComplaintsArea },
  { key: 'settings', label: '系统设置', icon: IconSettings, page: SettingsArea },
];
