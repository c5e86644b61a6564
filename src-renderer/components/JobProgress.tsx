import { useState } from 'react';
import { Button, Group, Progress, Text } from '@mantine/core';
import { cancelJob } from '../lib/api';

export interface JobProgressState { done: number; total: number; message?: string }

/**
 * What a long job is doing, in words (第3村 / 共12村，第8页 / 共45页 · 已写入 2000 行) with a bar and a 取消 button.
 * Without a count yet the bar runs striped (the job is working, not stuck). data-job-state lets tests wait on it.
 */
export function JobProgress({ jobId, progress, label = '进度' }: { jobId: string; progress: JobProgressState | null; label?: string }) {
  const [cancelling, setCancelling] = useState<string | null>(null);
  const counted = !!progress && progress.total > 0;
  const cancel = async () => { setCancelling(jobId); await cancelJob(jobId); };
  return (
    <Group gap="xs" align="center" wrap="nowrap" data-job-state={cancelling === jobId ? 'cancelling' : 'running'} role="status" aria-live="polite">
      <Progress value={counted ? (100 * progress!.done) / progress!.total : 100} striped={!counted} animated={!counted} w={140} aria-label={label} />
      <Text size="sm" c="dimmed" miw={120}>{cancelling === jobId ? '正在取消…' : progress?.message ?? '正在准备…'}</Text>
      <Button size="xs" variant="default" onClick={() => void cancel()} disabled={cancelling === jobId}>取消</Button>
    </Group>
  );
}
