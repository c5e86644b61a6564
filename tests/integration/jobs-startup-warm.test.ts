import { afterEach, describe, expect, it } from 'vitest';
import { testServices } from '../helpers/services';
import { runStartupJobs } from '../../src-main/startup';

/** Issue 17 item 5: the app's start-up (Electron main and web both call runStartupJobs) starts the job worker in the background. */
describe('start-up warms the job worker', () => {
  let s: ReturnType<typeof testServices>;
  afterEach(() => s?.close());

  it('no worker before start-up, one loading right after it', async () => {
    s = testServices();
    expect(s.jobs.workers()).toBe(0);
    await runStartupJobs(s);
    expect(s.jobs.workers()).toBe(1);
  });
});
