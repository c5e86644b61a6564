import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { ErrorAlert, Loading } from '../../components/Status';

/** General parameters. Feature issues add their own settings sections here. */
export function ParamsPanel() {
  const { data, error, loading, reload } = useCall('settings.get', {});
  const [idle, setIdle] = useState<number>(15);
  useEffect(() => { if (data) setIdle(Number(data['security.idleMinutes'] ?? 15)); }, [data]);
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  return (
    <Stack maw={480}>
      <Group align="flex-end">
        <NumberInput label="无操作多少分钟后锁定窗口" min={1} max={240} value={idle} onChange={(v) => setIdle(Number(v))} />
        <Button onClick={async () => { if (await attempt(() => call('settings.set', { key: 'security.idleMinutes', value: idle }), '已保存')) void reload(); }}>保存</Button>
      </Group>
      <Text size="sm" c="dimmed">锁定后需重新输入密码；后台同样会使超时的登录失效。</Text>
    </Stack>
  );
}
