import { useEffect, useState } from 'react';
import { Anchor, Button, Group, Text } from '@mantine/core';
import { JobProgress } from './JobProgress';
import { IconArchive, IconPrinter } from '@tabler/icons-react';
import { call, newJobId, onProgress, openOutbox, outboxUrl } from '../lib/api';
import { attempt, notifyError } from '../lib/notify';
import { notifications } from '@mantine/notifications';
import { Can } from '../lib/access';
import type { ArchiveDocType } from '../../src-main/features/archive/terms';

export interface Printed { outboxName: string; pages: number; missingGlyphs: string[] }

/** Where a printed household paper belongs: given, the button offers to file the PDF into that household's bag. */
export interface ArchiveTarget { householdId: number; docType: ArchiveDocType; title: string }

/**
 * Produces one registered document in main (print.render) and opens it: Electron previews it inside the app
 * (print or save from there); the browser opens the PDF in a new tab and offers a download link.
 */
export function PrintButton({ document, args, label = '生成并预览PDF', disabled, onPrinted, archive }: {
  document: string; args: Record<string, unknown>; label?: string; disabled?: boolean; onPrinted?: (p: Printed) => void; archive?: ArchiveTarget;
}) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; message?: string } | null>(null);
  const [last, setLast] = useState<Printed | null>(null);
  const [filedAs, setFiledAs] = useState<string | null>(null);
  const [jobId] = useState(newJobId);
  useEffect(() => onProgress((p) => { if (p.jobId === jobId) setProgress(p); }), [jobId]);

  const run = async () => {
    setBusy(true); setProgress(null); setFiledAs(null);
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
      if ((e as { code?: string }).code === 'CANCELLED') notifications.show({ color: 'gray', message: '已取消生成，没有留下文件' });
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group gap="sm" align="center">
      <Button data-print leftSection={<IconPrinter size={16} />} onClick={run} loading={busy} disabled={disabled}>{label}</Button>
      {busy && <JobProgress jobId={jobId} progress={progress} label="生成进度" />}
      {last && !busy && (
        <Text size="sm">
          已生成 {last.pages} 页：
          <Anchor href={outboxUrl(last.outboxName, true)} download={last.outboxName}>下载PDF</Anchor>
          {' · '}
          <Anchor component="button" type="button" onClick={() => void openOutbox(last.outboxName)}>再次打开</Anchor>
        </Text>
      )}
      {last && !busy && archive && (filedAs
        ? <Text size="sm" c="green">已存入档案袋（档号 {filedAs}）</Text>
        : <Can channel="archive.fileOutbox"><Button size="xs" variant="light" leftSection={<IconArchive size={14} />} onClick={() => attempt(async () => {
          const r = await call('archive.fileOutbox', { householdId: archive.householdId, outboxName: last.outboxName, docType: archive.docType, title: archive.title });
          setFiledAs(r.archiveNo);
        }, `${archive.title}已存入档案袋`)}>存入档案袋</Button></Can>)}
    </Group>
  );
}
