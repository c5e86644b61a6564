import { useState } from 'react';
import { Anchor, Button, Group, Text } from '@mantine/core';
import { call, newJobId, openOutbox, outboxUrl } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';

/** Villages of the township from the address tree, as Select options. */
export function useVillages() {
  const { data } = useCall('regions.tree', {});
  return (data ?? []).flatMap((t) => t.children).map((v) => ({ value: String(v.id), label: v.name }));
}

/** A button that renders a document in main and then shows and opens the produced PDF. */
export function PrintButton({ label, document, args, variant = 'default' }: { label: string; document: string; args: unknown; variant?: string }) {
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    await attempt(async () => {
      const r = await call('print.render', { document, args }, { jobId: newJobId() });
      setFile(r.outboxName);
      await openOutbox(r.outboxName);
    });
    setBusy(false);
  };
  return (
    <Group gap="xs">
      <Button variant={variant} loading={busy} onClick={run}>{label}</Button>
      {file && <Text size="sm">已生成：<Anchor href={outboxUrl(file)} target="_blank" data-testid="printed-file">{file}</Anchor></Text>}
    </Group>
  );
}

export const yuan = (fen: number | null | undefined) => (fen == null ? '' : (fen / 100).toFixed(2).replace(/\.00$/, ''));
export const toFen = (yuanText: string) => (yuanText.trim() === '' ? null : Math.round(Number(yuanText) * 100));
