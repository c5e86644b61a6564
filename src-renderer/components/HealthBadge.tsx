import { useEffect, useRef } from 'react';
import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { useCall } from '../lib/useCall';
import { useJob } from '../lib/useJob';
import { formatDateTime } from '../lib/format';

/**
 * 首页 数据体检: the last result with its time, never a wait on page load. When the data changed since (or no check
 * ran yet), main checks again in a worker with its progress shown; 重新体检 checks now. data-state tells tests
 * whether it is still checking.
 */
export function HealthBadge() {
  const status = useCall('health.status', {});
  const job = useJob('health.run', { label: '体检进度', cancelledMessage: '已取消体检，显示上次结果' });
  const started = useRef(false);
  const check = async (force: boolean) => { if (await job.run({ force })) void status.reload(); };
  useEffect(() => {
    if (!status.data || status.data.fresh || started.current) return;
    started.current = true; // once per visit: a cancelled check is not started again behind the clerk's back
    void check(false);
  }, [status.data]); // eslint-disable-line react-hooks/exhaustive-deps -- check is recreated each render; status.data is what matters
  const last = status.data?.last;
  // stale data whose check has not started yet (the first render, before the effect) counts as checking too
  const waiting = !!status.data && !status.data.fresh && !started.current;
  const state = status.error ? 'error' : job.busy || status.loading || !status.data || waiting ? 'checking' : 'ready';
  return (
    <Group gap="xs" aria-label="数据体检" data-testid="health-badge" data-state={state}>
      <Text size="sm" fw={600}>数据体检：</Text>
      {last && (
        <Anchor href="#/households/health" size="sm">
          <Badge color={last.findings ? 'red' : 'green'} variant="light">数据体检问题 {last.findings}</Badge>
        </Anchor>
      )}
      {last && <Text size="xs" c="dimmed">{status.data?.fresh ? '' : '数据已变更，'}上次体检 {formatDateTime(last.checkedAt)}，共 {last.households} 户</Text>}
      {!last && !job.busy && <Text size="xs" c="dimmed">尚未体检</Text>}
      {job.progress}
      {!job.busy && <Button size="compact-xs" variant="subtle" onClick={() => void check(true)}>重新体检</Button>}
      {status.error && <Text size="xs" c="red">{status.error.message}</Text>}
    </Group>
  );
}
