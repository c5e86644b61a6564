import { Tabs, Title, Stack } from '@mantine/core';
import type { AreaProps } from '../../areas';
import { UsersPanel } from './UsersPanel';
import { RegionsPanel } from './RegionsPanel';
import { AuditPanel } from './AuditPanel';
import { ParamsPanel } from './ParamsPanel';
import { BackupPanel } from './BackupPanel';
import { ProcedureSettings } from '../applications/ProcedureSettings';
import { navigate } from '../../lib/router';

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
          <Tabs.Tab value="standards">保障标准与节假日</Tabs.Tab>
          <Tabs.Tab value="audit">审计记录</Tabs.Tab>
          <Tabs.Tab value="backup">备份与恢复</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="md"><UsersPanel /></Tabs.Panel>
        <Tabs.Panel value="regions" pt="md"><RegionsPanel /></Tabs.Panel>
        <Tabs.Panel value="params" pt="md"><ParamsPanel /></Tabs.Panel>
        <Tabs.Panel value="standards" pt="md"><ProcedureSettings /></Tabs.Panel>
        <Tabs.Panel value="audit" pt="md"><AuditPanel /></Tabs.Panel>
        <Tabs.Panel value="backup" pt="md"><BackupPanel /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
