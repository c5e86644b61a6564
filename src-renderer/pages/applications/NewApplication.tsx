import { useState } from 'react';
import { Button, Checkbox, Group, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { navigate } from '../../lib/router';
import { ErrorAlert, Loading } from '../../components/Status';
import { todayIso } from '../../lib/format';
import { DateField } from '../../components/DateField';
import { fieldErrors } from '../../lib/fieldErrors';

/** Starts an application for an existing household: pick it (or come from its page, preset), date it, say why. */
export function NewApplication({ preset }: { preset?: number }) {
  const [q, setQ] = useState(preset ? String(preset) : '');
  const [householdId, setHouseholdId] = useState<string>(preset ? String(preset) : '');
  const [appliedOn, setAppliedOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [entrusted, setEntrusted] = useState(false);
  const [special, setSpecial] = useState(false);
  const [specialReason, setSpecialReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { data, error, loading } = useCall('applications.householdOptions', { q });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    let id = 0;
    setErrors({});
    const input = { householdId: Number(householdId), appliedOn, reason, entrusted, special, specialReason: special ? specialReason : '' };
    if (await attempt(async () => {
      try { id = (await call('applications.start', input)).id; } catch (err) { setErrors(fieldErrors(err)); throw err; }
    }, '已登记申请')) {
      navigate(`/applications/${id}`);
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack maw={640}>
        <TextInput label="查找户（户主姓名、拼音首字母或档案号；留空列出未在保的户）" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <ErrorAlert error={error} />
        {loading && !data ? <Loading /> : (
          <Radio.Group label="申请的户" value={householdId} onChange={setHouseholdId} error={errors.householdId}>
            <Stack gap={4} mt={4}>
              {(data ?? []).map((h) => (
                <Radio key={h.id} value={String(h.id)} disabled={!!h.openApplicationId || h.status === '在保' || h.status === '渐退'}
                  label={`${h.headName}（档案号 ${h.id}，${h.place}，${h.category}，${h.status}${h.openApplicationId ? `，已有办理中申请 ${h.openApplicationId}` : ''}）`} />
              ))}
              {data?.length === 0 && <Text c="dimmed" size="sm">没有找到。新户请先在“户档案”中建档。</Text>}
            </Stack>
          </Radio.Group>
        )}
        <DateField label="申请日期" value={appliedOn} onChange={(v) => setAppliedOn(v)} required error={errors.appliedOn} />
        <Textarea label="申请理由" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} error={errors.reason} />
        <Checkbox label="委托村（居）民委员会代为提出" checked={entrusted} onChange={(e) => setEntrusted(e.currentTarget.checked)} error={errors.entrusted} />
        <Checkbox label="特殊情况：全程办理时限 45 个工作日" checked={special} onChange={(e) => setSpecial(e.currentTarget.checked)} />
        {special && <Textarea label="特殊情况的理由" required autosize minRows={2} value={specialReason} error={errors.specialReason}
          onChange={(e) => setSpecialReason(e.currentTarget.value)} />}
        <Group><Button type="submit" disabled={!householdId}>登记申请</Button><Button variant="default" onClick={() => navigate('/applications')}>返回</Button></Group>
      </Stack>
    </form>
  );
}
