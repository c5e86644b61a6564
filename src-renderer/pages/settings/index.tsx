import { Tabs, Title, Stack } from '@mantine/core';
import type { AreaProps } from '../../areas';
import { UsersPanel } from './UsersPanel';
import { RegionsPanel } from './RegionsPanel';
import { AuditPanel } from './AuditPanel';
import { ParamsPanel } from './ParamsPanel';
import { BackupPanel } from './BackupPanel';
import { ProcedureSettings } from '../applications/ProcedureSettings';
import { CalendarSettings } from './CalendarSettings';
import { navigate } from '../../lib/router';
import { Can, WriteArea } from '../../lib/access';

export default function SettingsArea({ path }: AreaProps) {
  const tab = path[0] ?? 'users';
  return (
    <Stack>
      <Title order={3}>系统设置</Title>
      <Tabs value={tab} onChange={(v) => navigate(`/settings/${v}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="users">用户与角色</Tabs.Tab>
          <Tabs.Tab value="regions">村组地址</Tabs.Tab>
          <Tabs.Tab value="params">参数</Tabs.Tab>
          <Tabs.Tab value="standards">保障标准</Tabs.Tab>
          <Tabs.Tab value="calendar">节假日日历</Tabs.Tab>
          <Tabs.Tab value="audit">审计记录</Tabs.Tab>
          <Tabs.Tab value="backup">备份与恢复</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="md"><UsersPanel /></Tabs.Panel>
        <Tabs.Panel value="regions" pt="md"><WriteArea channel="regions.create" what="村组地址"><RegionsPanel /></WriteArea></Tabs.Panel>
        <Tabs.Panel value="params" pt="md"><WriteArea channel="settings.set" what="参数"><ParamsPanel /></WriteArea></Tabs.Panel>
        <Tabs.Panel value="standards" pt="md"><WriteArea channel="settings.set" what="保障标准与节假日"><ProcedureSettings /></WriteArea></Tabs.Panel>
        <Tabs.Panel value="calendar" pt="md"><CalendarSettings /></Tabs.Panel>
        <Tabs.Panel value="audit" pt="md"><AuditPanel /></Tabs.Panel>
        <Tabs.Panel value="backup" pt="md"><Can channel="backup.create" otherwise="note" what="备份与恢复"><BackupPanel /></Can></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
