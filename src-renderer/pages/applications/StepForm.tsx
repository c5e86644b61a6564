import { useState } from 'react';
import { Button, Card, Checkbox, Group, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { call } from '../../lib/api';
import { attempt } from '../../lib/notify';
import { todayIso } from '../../lib/format';
import { DateField } from '../../components/DateField';
import { fieldErrors } from '../../lib/fieldErrors';
import { CountyDecisionFields, emptyCountyDecision, type CountyDecisionValue } from './CountyDecision';

type Field = { name: string; label: string; type: 'text' | 'area' | 'names' | 'lines' | 'number' | 'check' | 'opinion'; required?: boolean };

/** The facts each step asks for; main validates them again and refuses a skipped step with the reason. */
const FIELDS: Record<string, Field[]> = {
  accept: [{ name: 'nearRelative', label: '有成员是低保经办人员或村（居）委会成员的近亲属（单独登记备案）', type: 'check' }, { name: 'nearRelativeNote', label: '近亲属关系说明', type: 'text' }],
  refuseAccept: [{ name: 'missing', label: '缺少的材料（一次性告知，每行一项）', type: 'lines', required: true }, { name: 'reason', label: '说明', type: 'text' }],
  homeVisit: [{ name: 'investigators', label: '调查人员（至少 2 人，用顿号分隔）', type: 'names', required: true },
    { name: 'presentMembers', label: '在场并签字的家庭成员（用顿号分隔）', type: 'names', required: true }, { name: 'findings', label: '调查情况', type: 'area', required: true }],
  verifyRequest: [{ name: 'note', label: '核对事项', type: 'text' }],
  verifyResult: [{ name: 'result', label: '核对结果', type: 'area', required: true }],
  neighbourVisit: [{ name: 'neighbours', label: '走访对象', type: 'text', required: true }, { name: 'findings', label: '走访情况', type: 'area', required: true }],
  democraticReview: [{ name: 'participants', label: '参加人数', type: 'number' }, { name: 'villagerReps', label: '其中村（居）民代表', type: 'number' },
    { name: 'agree', label: '同意人数', type: 'number' }, { name: 'disagree', label: '不同意人数', type: 'number' },
    { name: 'allSigned', label: '全体参加人员已签字', type: 'check' }, { name: 'conclusion', label: '评议结论', type: 'text', required: true },
    { name: 'participantNames', label: '参加人员姓名（用顿号分隔）', type: 'names' }],
  preliminary: [{ name: 'opinion', label: '初审意见', type: 'opinion' }, { name: 'reason', label: '理由', type: 'area' }],
  publicityStart: [{ name: 'place', label: '公示地点', type: 'text', required: true }],
  publicityEnd: [{ name: 'objection', label: '公示期间有异议', type: 'check' }, { name: 'objectionNote', label: '异议情况', type: 'area' }],
  countyVisit: [{ name: 'visitors', label: '核查人员（用顿号分隔）', type: 'names', required: true }, { name: 'findings', label: '核查情况', type: 'area', required: true }],
  confirm: [{ name: 'opinion', label: '审核确认意见', type: 'text' }],
  refuseConfirm: [{ name: 'reason', label: '不予确认的理由', type: 'area', required: true }],
  noticeServed: [{ name: 'how', label: '送达方式', type: 'text' }],
};

const CHANNEL: Record<string, 'applications.record' | 'applications.review' | 'applications.confirm'> = {
  preliminary: 'applications.review', confirm: 'applications.confirm', refuseConfirm: 'applications.confirm',
};
/** The channel a step is recorded through (its permission decides who is offered the step). */
export const stepChannel = (kind: string) => CHANNEL[kind] ?? 'applications.record';

const REVIEW_FIELDS = ['participants', 'villagerReps', 'agree', 'disagree', 'allSigned', 'conclusion'];
const split = (v: unknown, by: RegExp) => String(v ?? '').split(by).map((s) => s.trim()).filter(Boolean);

function toInput(kind: string, applicationId: number, date: string, values: Record<string, unknown>) {
  const out: Record<string, unknown> = { kind, applicationId, date };
  const review: Record<string, unknown> = {};
  for (const f of FIELDS[kind]) {
    const v = f.type === 'names' ? split(values[f.name], /[、,，\s]+/) : f.type === 'lines' ? split(values[f.name], /\n/)
      : f.type === 'number' ? Number(values[f.name] ?? 0) : f.type === 'check' ? !!values[f.name] : (values[f.name] ?? (f.type === 'opinion' ? '同意' : ''));
    if (kind === 'democraticReview' && REVIEW_FIELDS.includes(f.name)) review[f.name] = v; else out[f.name] = v;
  }
  if (kind === 'democraticReview') out.review = review;
  return out;
}

/** Steps that are the 审核确认 decision: when the case is not delegated they carry the county's decision. */
const DECISIONS = ['confirm', 'refuseConfirm'];

export function StepForm({ applicationId, kind, label, onDone, countyDecision }: {
  applicationId: number; kind: string; label: string; onDone: () => void;
  /** The county decides this case (not delegated): ask for its decision, prefilled with the county's unit. */
  countyDecision?: { unit: string };
}) {
  const [date, setDate] = useState(todayIso());
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [county, setCounty] = useState<CountyDecisionValue>(emptyCountyDecision(countyDecision?.unit));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const withCounty = !!countyDecision && DECISIONS.includes(kind);
  const set = (name: string, v: unknown) => setValues((x) => ({ ...x, [name]: v }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    const input = { ...toInput(kind, applicationId, date, values), ...(withCounty ? { county } : {}) };
    const done = await attempt(async () => {
      try { await call(stepChannel(kind), input as never); } catch (err) { setErrors(fieldErrors(err)); throw err; }
    }, `已登记：${label}`);
    if (done) onDone();
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-label={`登记${label}`}>
      <Stack>
        <DateField label={`${label}日期`} value={date} onChange={(v) => setDate(v)} required error={errors.date} />
        {FIELDS[kind].map((f) => {
          const v = values[f.name];
          const error = errors[f.name] ?? errors[`review.${f.name}`];
          if (f.type === 'check') return <Checkbox key={f.name} label={f.label} checked={!!v} error={error} onChange={(e) => set(f.name, e.currentTarget.checked)} />;
          if (f.type === 'number') return <NumberInput key={f.name} label={f.label} min={0} value={Number(v ?? 0)} error={error} onChange={(n) => set(f.name, Number(n))} />;
          if (f.type === 'opinion') return <Select key={f.name} label={f.label} data={['同意', '不同意']} value={String(v ?? '同意')} error={error} onChange={(s) => set(f.name, s)} allowDeselect={false} />;
          if (f.type === 'area' || f.type === 'lines') return <Textarea key={f.name} label={f.label} required={f.required} autosize minRows={2} value={String(v ?? '')} error={error} onChange={(e) => set(f.name, e.currentTarget.value)} />;
          return <TextInput key={f.name} label={f.label} required={f.required} value={String(v ?? '')} error={error} onChange={(e) => set(f.name, e.currentTarget.value)} />;
        })}
        {withCounty && <CountyDecisionFields value={county} onChange={setCounty} errors={errors} />}
        <Group><Button type="submit">提交{label}</Button></Group>
      </Stack>
    </Card>
  );
}
