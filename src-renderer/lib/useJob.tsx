import { useEffect, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { call, newJobId, onProgress, type ChannelName, type In, type Out } from './api';
import { notifyError } from './notify';
import { JobProgress, type JobProgressState } from '../components/JobProgress';

/**
 * One long job channel (backup, export, 全面比对 …) run from a page: its progress in words, a 取消 button, and a
 * cancel that says nothing was left behind. `run` resolves to the result, or undefined when the job failed (the
 * error is shown) or was cancelled. `progress` is the element to put beside the button while `busy`.
 */
export function useJob<K extends ChannelName>(channel: K, opts: { label?: string; cancelledMessage?: string } = {}) {
  const [jobId, setJobId] = useState(newJobId);
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<JobProgressState | null>(null);
  useEffect(() => onProgress((p) => { if (p.jobId === jobId) setState(p); }), [jobId]);

  const run = async (input: In<K>): Promise<Out<K> | undefined> => {
    setBusy(true); setState(null);
    try {
      return await call(channel, input, { jobId });
    } catch (e) {
      if ((e as { code?: string }).code === 'CANCELLED') notifications.show({ color: 'gray', message: opts.cancelledMessage ?? '已取消，没有留下文件' });
      else notifyError(e);
      return undefined;
    } finally {
      setBusy(false);
      setJobId(newJobId()); // a fresh id: a late progress event of this run never shows on the next one
    }
  };
  const progress = busy ? <JobProgress jobId={jobId} progress={state} label={opts.label} /> : null;
  return { run, busy, progress };
}
