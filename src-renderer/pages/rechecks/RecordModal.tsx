import { useState } from 'react';
import { Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { formatYuan } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/Status';
import { PrintButton } from '../../components/PrintButton';
import { toFen, yuan } from './shared';
import { DateField } from '../../components/DateField';
import { fieldErrors } from '../../lib/fieldErrors';

const OUTCOMES = ['维持', '增发', '减发', '停保', '渐退'] as const;
type Outcome = (typeof OUTCOMES)[number];
/** The 卷内目录 title of the printed notice, as the document itself is headed (applications.changeNotice). */
const NOTICE_TITLES: Partial<Record<Outcome, string>> = { 减发: '最低生活保障金减发告知书', 停保: '最低生活保障金停发告知书' };
const CATEGORIES = ['已死亡', '领养老金', '领失业金', '缴公积金', '有机动车', '营业房/2套及以上住房', '离异/迁出/人户分离/毕业就业', '收入达标', '其它'];

/** The team's visit, 核对 result and outcome for one household; a change prints its notice afterwards. */
export function RecordModal({ id, onClose, onSaved }: { id: number; onClose: () => void; onSaved: () => void }) {
  const { data, error } = useCall('rechecks.campaigns.household', { id });
  return (
    <Modal opened onClose={onClose} title={data ? `登记核查：${data.headName}户` : '登记核查'} size="lg">
      {error ? <ErrorAlert error={error} /> : !data ? <Loading /> : <RecordForm row={data} onSaved={onSaved} />}
    </Modal>
  );
}

type Row = NonNullable<ReturnType<typeof useCall<'rechecks.campaigns.household'>>['data']>;

function RecordForm({ row, onSaved }: { row: Row; onSaved: () => void }) {
  const [f, setF] = useState({ flags: row.flags.map(String), visitDate: row.visitDate ?? '', findings: row.findings, checkResult: row.checkResult,
    outcome: (row.outcome ?? '维持') as Outcome, reason: row.reason, newAmount: '', phaseOutMonths: 6 as number | string, checkedBy: row.checkedBy,
    workIncomeConfirmed: false, workIncomeNote: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [proposal, setProposal] = useState<string | null>(null);
  const [changeId, setChangeId] = useState<number | null>(null);
  const needsAmount = f.outcome === '增发' || f.outcome === '减发' || f.outcome === '渐退';
  const propose = () => attempt(async () => {
    const r = await call('rechecks.campaigns.proposeAmount', { householdId: row.householdId, date: f.visitDate || undefined });
    setF((x) => ({ ...x, newAmount: yuan(r.baseFen) }));
    setProposal(`测算：${r.eligibility}，人均收入 ${formatYuan(Math.round(r.perCapitaIncomeFen))}，月保障金 ${formatYuan(r.amountFen)}（其中分类施保 ${formatYuan(r.topUpFen)}）`);
  });
  const phaseOut = f.outcome === '渐退';
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    await attempt(async () => {
      try {
        const r = await call('rechecks.campaigns.record', { id: row.id, flags: f.flags.map(Number), visitDate: f.visitDate, findings: f.findings,
          checkResult: f.checkResult, outcome: f.outcome, reason: f.reason, newAmountFen: needsAmount ? toFen(f.newAmount) : null,
          phaseOutMonths: phaseOut ? Number(f.phaseOutMonths) : undefined, checkedBy: f.checkedBy,
          ...(phaseOut ? { workIncomeConfirmed: f.workIncomeConfirmed, workIncomeNote: f.workIncomeNote } : {}) });
        if (r.needsNotice && r.changeId) setChangeId(r.changeId); else onSaved();
      } catch (err) { setErrors(fieldErrors(err)); throw err; }
    }, '已登记');
  };
  if (changeId) {
    return (
      <Stack>
        <Text>已作出“{f.outcome}”决定。请打印告知书（写明理由）送达该户。</Text>
        <Group>
          <PrintButton label="打印告知书" document="applications.changeNotice" args={{ changeId }}
            archive={{ householdId: row.householdId, docType: '告知书', title: NOTICE_TITLES[f.outcome] ?? '告知书' }} />
          <Button variant="default" onClick={onSaved}>完成</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {row.suggestedFlags.length > 0 && <Text size="sm" c="orange">数据提示：{row.suggestedFlags.map((s) => `${s.code}.${s.reason}`).join('；')}</Text>}
        <Checkbox.Group label="重点复核类别" value={f.flags} onChange={(v) => setF({ ...f, flags: v })} error={errors.flags}>
          <Group gap="xs" mt={4}>{CATEGORIES.map((c, i) => <Checkbox key={c} value={String(i + 1)} label={`${i + 1}.${c}`} />)}</Group>
        </Checkbox.Group>
        <Group grow>
          <DateField label="入户日期" value={f.visitDate} onChange={(v) => setF({ ...f, visitDate: v })} required error={errors.visitDate} />
          <TextInput label="核查人" value={f.checkedBy} onChange={(e) => setF({ ...f, checkedBy: e.currentTarget.value })} required error={errors.checkedBy} />
        </Group>
        <Textarea label="入户核查情况" value={f.findings} onChange={(e) => setF({ ...f, findings: e.currentTarget.value })} autosize minRows={2} error={errors.findings} />
        <TextInput label="家庭经济状况核对结果" value={f.checkResult} onChange={(e) => setF({ ...f, checkResult: e.currentTarget.value })} error={errors.checkResult} />
        <Group grow align="flex-end">
          <Select label="处理意见" data={[...OUTCOMES]} value={f.outcome} onChange={(v) => setF({ ...f, outcome: (v ?? '维持') as Outcome })} allowDeselect={false} error={errors.outcome} />
          {needsAmount && <TextInput label="调整后月保障金（元，不含分类施保）" value={f.newAmount} onChange={(e) => setF({ ...f, newAmount: e.currentTarget.value })} required error={errors.newAmountFen} />}
          {needsAmount && <Button variant="light" onClick={propose}>按现有情况测算</Button>}
          {f.outcome === '渐退' && <NumberInput label="渐退月数" min={1} max={12} value={f.phaseOutMonths} onChange={(v) => setF({ ...f, phaseOutMonths: v })} error={errors.phaseOutMonths} />}
        </Group>
        {proposal && <Text size="sm" c="dimmed">{proposal}</Text>}
        {phaseOut && (
          <Stack gap={4} data-testid="article-33">
            <Checkbox label="确认符合第三十三条：家庭成员就业（务工）后，家庭人均收入已超过当地低保标准" checked={f.workIncomeConfirmed}
              onChange={(e) => setF({ ...f, workIncomeConfirmed: e.currentTarget.checked })} error={errors.workIncomeConfirmed} />
            <TextInput label="就业增收情况（谁、在何处就业、月收入）" value={f.workIncomeNote} required error={errors.workIncomeNote}
              onChange={(e) => setF({ ...f, workIncomeNote: e.currentTarget.value })} />
          </Stack>
        )}
        {f.outcome !== '维持' && <Textarea label="理由（写入告知书）" value={f.reason} onChange={(e) => setF({ ...f, reason: e.currentTarget.value })} required autosize minRows={2} error={errors.reason} />}
        <Group><Button type="submit">保存</Button></Group>
      </Stack>
    </form>
  );
}
