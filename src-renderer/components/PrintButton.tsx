import { useEffect, useState } from 'react';
import { Anchor, Button, Group, Progress, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { call, newJobId, onProgress, openOutbox, outboxUrl } from '../lib/api';
import { notifyError } from '../lib/notify';
import { notifications } from '@mantine/notifications';

export interface Printed { outboxName: string; pages: number; missingGlyphs: string[] }

/**
 * Produces one registered document in main (print.render) and opens it: Electron previews it inside the app
 * (print or save from there); the browser opens the PDF in a new tab and offers a download link.
 */
export function PrintButton({ document, args, label = '生成并预览PDF', disabled, onPrinted }: {
  document: string; args: Record<string, unknown>; label?: string; disabled?: boolean; onPrinted?: (p: Printed) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; message?: string } | null>(null);
  const [last, setLast] = useState<Printed | null>(null);
  const [jobId] = useState(newJobId);
  useEffect(() => onProgress((p) => { if (p.jobId === jobId) setProgress(p); }), [jobId]);

  const run = async () => {
    setBusy(true); setProgress(null);
    try {
      const r = await call('print.render', { document, args }, { jobId });
      setLast(r);
      onPrinted?.(r);
      if (r.missingGlyphs.length) {
        notifications.show({ color: 'yellow', title: '有生僻字缺少字体', autoClose: false,
          message: `以下字已用“〓”代替，请打印后手写补齐：${r.missingGlyphs.join(' ')}` });
      }
      await openOutbox(r.outboxName);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group gap="sm" align="center">
      <Button leftSection={<IconPrinter size={16} />} onClick={run} loading={busy} disabled={disabled}>{label}</Button>
      {busy && progress && <Progress value={(progress.done / Math.max(progress.total, 1)) * 100} w={120} aria-label="生成进度" />}
      {last && !busy && (
        <Text size="sm">
          已生成 {last.pages} 页：
          <Anchor href={outboxUrl(last.outboxName, true)} download={last.outboxName}>下载PDF</Anchor>
          {' · '}
          <Anchor component="button" type="button" onClick={() => void openOutbox(last.outboxName)}>再次打开</Anchor>
        </Text>
      )}
    </Group>
  );
}
