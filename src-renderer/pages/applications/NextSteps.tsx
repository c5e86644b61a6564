import { useState } from 'react';
import { Alert, Button, Card, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { call, type Out } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { formatDate, todayIso } from '../../lib/format';
import { useAccess } from '../../lib/access';
import { StepForm, stepChannel } from './StepForm';
import { DateField } from '../../components/DateField';
import { fieldErrors, useFieldErrors } from '../../lib/fieldErrors';
import { CountyDecisionFields, emptyCountyDecision, type CountyDecisionValue } from './CountyDecision';

type Detail = Out<'applications.get'>;
type Handoff = Out<'applications.handoff.forCase'>[number];
/** Steps a 经办人 may prepare for the reviewer instead of being refused after filling them in. */
const HANDOFF_KINDS = ['preliminary', 'confirm', 'refuseConfirm'] as const;
type HandoffKind = (typeof HANDOFF_KINDS)[number];
const isHandoffKind = (k: string): k is HandoffKind => (HANDOFF_KINDS as readonly string[]).includes(k);

/**
 * 下一步 of one case: what is missing, the steps this account may record, the records it may hand to the
 * reviewer, and a pending handoff the reviewer confirms or returns. Steps other roles do are named, not offered.
 */
export function NextSteps({ data, reload }: { data: Detail; reload: () => void }) {
  const access = useAccess();
  const handoffs = useCall('applications.handoff.forCase', { applicationId: data.id });
  const [step, setStep] = useState<{ kind: string; label: string; handoff: boolean } | null>(null);
  const pending = handoffs.data?.find((h) => h.status === '待审核');
  const returned = handoffs.data?.[0]?.status === '已退回' ? handoffs.data[0] : null;
  const refresh = () => { setStep(null); void handoffs.reload(); reload(); };
  const countyDecision = data.countyDecisionRequired ? { unit: data.decidingOrg } : undefined;
  if (data.offered.length === 0 && !pending) return null;

  const mine = data.offered.filter((o) => access.can(stepChannel(o.kind)) && !(pending && isHandoffKind(o.kind)));
  const toHand = data.offered.filter((o) => isHandoffKind(o.kind) && !access.can(stepChannel(o.kind)) && access.can('applications.handoff.prepare') && !pending);
  const others = data.offered.filter((o) => !mine.includes(o) && !toHand.includes(o) && !(pending && isHandoffKind(o.kind)));
  return (
    <Card withBorder data-testid="next-steps">
      <Text fw={600} mb="xs">下一步</Text>
      <Stack gap="xs">
        {pending && <PendingHandoff h={pending} canDecide={access.can('applications.handoff.decide') && (pending.kind === 'preliminary' || access.can('applications.confirm'))}
          countyDecision={pending.kind === 'preliminary' ? undefined : countyDecision} onDone={refresh} />}
        {returned && !pending && (
          <Alert color="orange" title={`${returned.label}被退回`}>{returned.decidedBy}：{returned.note}（请补正后重新交审核人）</Alert>
        )}
        <Group gap="xs">
          {mine.map((o) => <Button key={o.kind} data-write={stepChannel(o.kind)} variant={step?.kind === o.kind && !step.handoff ? 'filled' : 'light'}
            onClick={() => setStep({ ...o, handoff: false })}>{o.label}</Button>)}
          {toHand.map((o) => <Button key={o.kind} data-write="applications.handoff.prepare" variant={step?.kind === o.kind && step.handoff ? 'filled' : 'light'}
            onClick={() => setStep({ ...o, handoff: true })}>{o.label}（交审核人）</Button>)}
        </Group>
        {others.length > 0 && (
          <Text size="sm" c="dimmed" data-write-denied="steps">
            {others.map((o) => `${o.label}由${access.who(stepChannel(o.kind))}办理`).join('；')}
          </Text>
        )}
        {step && !step.handoff && mine.some((o) => o.kind === step.kind) && (
          <StepForm key={`${step.kind}-${data.steps.length}`} applicationId={data.id} kind={step.kind} label={step.label} onDone={refresh}
            countyDecision={countyDecision} />
        )}
        {step && step.handoff && isHandoffKind(step.kind) && (
          <HandoffForm applicationId={data.id} kind={step.kind} label={step.label} onDone={refresh} />
        )}
      </Stack>
    </Card>
  );
}

/** The 经办人 writes the record the reviewer will sign: date, opinion and reason as they will be printed. */
function HandoffForm({ applicationId, kind, label, onDone }: { applicationId: number; kind: HandoffKind; label: string; onDone: () => void }) {
  const [date, setDate] = useState(todayIso());
  const [opinion, setOpinion] = useState(kind === 'preliminary' ? '同意' : '');
  const [reason, setReason] = useState('');
  const { err, run } = useFieldErrors();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await run(() => call('applications.handoff.prepare', { applicationId, kind, date, opinion, reason }), `已交审核人：${label}`)) onDone();
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-label={`准备${label}`}>
      <Stack>
        <DateField label={`${label}日期`} value={date} onChange={(v) => setDate(v)} required error={err('date')} />
        {kind === 'preliminary'
          ? <Select label="初审意见" data={['同意', '不同意']} value={opinion} onChange={(v) => setOpinion(v ?? '同意')} allowDeselect={false} error={err('opinion')} />
          : kind === 'confirm' && <TextInput label="审核确认意见" value={opinion} onChange={(e) => setOpinion(e.currentTarget.value)} error={err('opinion')} />}
        <Textarea label={kind === 'refuseConfirm' ? '不予确认的理由' : '理由'} required={kind === 'refuseConfirm'} autosize minRows={2}
          value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err('reason')} />
        <Group><Button type="submit" data-write="applications.handoff.prepare">交审核人确认</Button></Group>
      </Stack>
    </Card>
  );
}

/** A record waiting for the reviewer: the reviewer confirms it as prepared, or returns it with a note. */
function PendingHandoff({ h, canDecide, onDone, countyDecision }: { h: Handoff; canDecide: boolean; onDone: () => void; countyDecision?: { unit: string } }) {
  const [note, setNote] = useState('');
  const [county, setCounty] = useState<CountyDecisionValue>(emptyCountyDecision(countyDecision?.unit));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const decide = async (accept: boolean) => {
    setErrors({});
    const input = { handoffId: h.id, accept, note, ...(accept && countyDecision ? { county } : {}) };
    const done = await attempt(async () => {
      try { await call('applications.handoff.decide', input); } catch (err) { setErrors(fieldErrors(err)); throw err; }
    }, accept ? `已确认：${h.label}` : `已退回：${h.label}`);
    if (done) onDone();
  };
  return (
    <Alert color="blue" title={`待审核人确认：${h.label}`} data-testid="pending-handoff">
      <Text size="sm">{[h.opinion, h.reason].filter(Boolean).join('；') || '（无意见文字）'} · {formatDate(h.date)} · {h.preparedBy} 准备</Text>
      {canDecide ? (
        <Stack gap="xs" mt="xs">
          {countyDecision && <CountyDecisionFields value={county} onChange={setCounty} errors={errors} />}
          <Textarea label="退回说明（退回时必填）" value={note} error={errors.note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
          <Group>
            <Button data-write="applications.handoff.decide" onClick={() => void decide(true)}>确认{h.label}</Button>
            <Button data-write="applications.handoff.decide" variant="default" color="red" onClick={() => void decide(false)}>退回经办人</Button>
          </Group>
        </Stack>
      ) : <Text size="sm" c="dimmed" mt={4}>等待审核人确认或退回。</Text>}
    </Alert>
  );
}
