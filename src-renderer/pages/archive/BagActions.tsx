import { useState } from 'react';
import { Button, Checkbox, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { call, type Out } from '../../lib/api';
import { attempt } from '../../lib/notify';
import { todayIso } from '../../lib/format';
import { DateField } from '../../components/DateField';
import { useFieldErrors } from '../../lib/fieldErrors';

type Detail = Out<'archive.bag'>;

/** Lend / take back, 单独管理 and the 备考表 fields of one bag. */
export function BagActions({ d, reload }: { d: Detail; reload: () => void }) {
  const householdId = d.household.id;
  const [loan, setLoan] = useState({ borrower: '', purpose: '' });
  const [sep, setSep] = useState(d.separate);
  const [rm, setRm] = useState({ remark: d.bag!.remark, filedBy: d.bag!.filedBy, checkedBy: d.bag!.checkedBy, date: d.bag!.remarkDate ?? todayIso() });
  const loanErr = useFieldErrors();
  const rmErr = useFieldErrors();
  const lend = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await loanErr.run(() => call('archive.lend', { householdId, ...loan, borrowedAt: todayIso() }), '已登记借出')) { setLoan({ borrower: '', purpose: '' }); reload(); }
  };
  const saveRemarks = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await rmErr.run(() => call('archive.remarks', { householdId, ...rm }), '备考表已保存')) reload();
  };
  const toggle = async (on: boolean) => {
    const reason = on ? (window.prompt('单独管理原因（如：村委会成员近亲属）：') ?? '') : '';
    if (await attempt(() => call('archive.setSeparate', { householdId, separate: on, reason }), on ? '已标记单独管理' : '已取消单独管理')) { setSep(on); reload(); }
  };
  return (
    <Stack gap="sm">
      {d.borrowing
        ? <Group><Button variant="default" onClick={async () => { if (await attempt(() => call('archive.return', { borrowingId: d.borrowing!.id, returnedAt: todayIso() }), '已登记归还')) reload(); }}>登记归还</Button></Group>
        : <form onSubmit={lend} aria-label="借出档案袋"><Group align="flex-end">
            <TextInput label="借阅人（单位、姓名）" value={loan.borrower} onChange={(e) => setLoan({ ...loan, borrower: e.currentTarget.value })} required w={220} error={loanErr.err('borrower')} />
            <TextInput label="用途" value={loan.purpose} onChange={(e) => setLoan({ ...loan, purpose: e.currentTarget.value })} w={200} error={loanErr.err('purpose') ?? loanErr.err('borrowedAt')} />
            <Button type="submit" variant="default">登记借出</Button>
          </Group></form>}
      <Checkbox label="单独管理（近亲属备案户）" checked={sep} onChange={(e) => void toggle(e.currentTarget.checked)} />
      <form onSubmit={saveRemarks} aria-label="备考表">
        <Group align="flex-end">
          <Textarea label="备考表：情况说明" value={rm.remark} onChange={(e) => setRm({ ...rm, remark: e.currentTarget.value })} autosize minRows={1} w={320} error={rmErr.err('remark')} />
          <TextInput label="立卷人" value={rm.filedBy} onChange={(e) => setRm({ ...rm, filedBy: e.currentTarget.value })} w={100} error={rmErr.err('filedBy')} />
          <TextInput label="检查人" value={rm.checkedBy} onChange={(e) => setRm({ ...rm, checkedBy: e.currentTarget.value })} w={100} error={rmErr.err('checkedBy')} />
          <DateField label="立卷时间" value={rm.date} onChange={(v) => setRm({ ...rm, date: v })} error={rmErr.err('date')} />
          <Button type="submit" variant="default">保存备考表</Button>
        </Group>
      </form>
    </Stack>
  );
}
