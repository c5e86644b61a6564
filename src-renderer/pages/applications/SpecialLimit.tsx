import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { call } from '../../lib/api';
import { attempt } from '../../lib/notify';
import { fieldErrors } from '../../lib/fieldErrors';
import { useAccess } from '../../lib/access';

/**
 * 特殊情况: the 45-working-day limit set on an open case, with its reason (a step of the record, audited).
 * Offered to the accounts that may set it; others see who can.
 */
export function SpecialLimit({ applicationId, special, closed, onDone }: { applicationId: number; special: boolean; closed: boolean; onDone: () => void }) {
  const access = useAccess();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (special || closed) return null;
  if (!access.can('applications.setSpecial')) {
    return <Text size="sm" c="dimmed" data-write-denied="applications.setSpecial">特殊情况延长办理时限由{access.who('applications.setSpecial')}办理。</Text>;
  }
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    const done = await attempt(async () => {
      try { await call('applications.setSpecial', { applicationId, reason }); } catch (err) { setErrors(fieldErrors(err)); throw err; }
    }, '已按特殊情况延长办理时限（45 个工作日）');
    if (done) { setOpen(false); onDone(); }
  };
  if (!open) return <Group><Button variant="subtle" data-write="applications.setSpecial" onClick={() => setOpen(true)}>按特殊情况延长办理时限…</Button></Group>;
  return (
    <Card withBorder component="form" onSubmit={submit} aria-label="特殊情况办理时限">
      <Stack>
        <Text size="sm">全程办理时限改为 45 个工作日。理由记入办理记录和审计日志，不能撤销。</Text>
        <Textarea label="延长理由" required autosize minRows={2} value={reason} error={errors.reason}
          onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
        <Group>
          <Button type="submit" data-write="applications.setSpecial">确认延长</Button>
          <Button variant="default" onClick={() => setOpen(false)}>取消</Button>
        </Group>
      </Stack>
    </Card>
  );
}
