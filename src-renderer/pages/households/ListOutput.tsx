import { useState } from 'react';
import { Anchor, Button, Group, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { call, newJobId, outboxUrl, type In } from '../../lib/api';
import { attempt } from '../../lib/notify';
import { PrintButton } from '../../components/PrintButton';

type Filter = In<'households.exportList'>;

/** Print or export the list exactly as filtered on screen (main applies the same filter; ID numbers masked by permission). */
export function ListOutput({ filter }: { filter: Filter }) {
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<{ outboxName: string; rows: number } | null>(null);
  const exportIt = async () => {
    setBusy(true); setFile(null);
    await attempt(async () => setFile(await call('households.exportList', filter, { jobId: newJobId() })));
    setBusy(false);
  };
  return (
    <Group gap="sm">
      <PrintButton document="households.list" args={filter as Record<string, unknown>} label="打印当前列表" />
      <Button variant="default" data-print leftSection={<IconFileSpreadsheet size={16} />} loading={busy} onClick={() => void exportIt()}>导出当前列表（Excel）</Button>
      {file && <Text size="sm">已导出 {file.rows} 户：<Anchor href={outboxUrl(file.outboxName, true)} download={file.outboxName} data-testid="household-export-link">下载 Excel</Anchor></Text>}
    </Group>
  );
}
