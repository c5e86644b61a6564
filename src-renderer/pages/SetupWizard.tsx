import { useState } from 'react';
import { Alert, Button, Checkbox, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { call, ApiError } from '../lib/api';
import { fieldErrors } from '../lib/fieldErrors';

/** First run: township, 12-digit division code, county, admin account; optionally the demo township. */
export function SetupWizard({ onDone }: { onDone: () => void }) {
  const [f, setF] = useState({ name: '', divisionCode: '', county: '', username: 'admin', displayName: '系统管理员', password: '', password2: '' });
  const [demo, setDemo] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errs, setErrs] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement>) => setF({ ...f, [k]: e.currentTarget.value });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setErrs({});
    const mismatch = f.password !== f.password2 ? { password2: '两次输入的密码不一致' } : {};
    try {
      if (mismatch.password2) { setErrs(mismatch); setError('请按各项下方的提示修改'); return; }
      await call('setup.init', { township: { name: f.name, divisionCode: f.divisionCode, county: f.county },
        admin: { username: f.username, displayName: f.displayName, password: f.password }, demo });
      onDone();
    } catch (err) {
      const byField = fieldErrors(err);
      setErrs(byField);
      setError(Object.keys(byField).length ? `请按各项下方的提示修改（${Object.keys(byField).length} 处）` : err instanceof ApiError ? err.message : String(err));
    } finally { setBusy(false); }
  };
  const useDemo = () => {
    setDemo(true);
    setF({ ...f, name: f.name || '青溪镇', divisionCode: f.divisionCode || '510902105000', county: f.county || '示范县' });
  };
  return (
    <Container size={520} py={40}>
      <Title order={2}>首次使用：设置本乡镇</Title>
      <Text c="dimmed" mb="md">这些信息会出现在公示、台账和报送包上。数据只保存在本机。</Text>
      <Paper withBorder p="lg">
        <form onSubmit={submit}>
          <Stack>
            <TextInput label="乡镇（街道）名称" value={f.name} onChange={set('name')} required error={errs['township.name']} />
            <TextInput label="统计用区划代码（12位）" value={f.divisionCode} onChange={set('divisionCode')} required maxLength={12} error={errs['township.divisionCode']} />
            <TextInput label="所属县（市、区）" value={f.county} onChange={set('county')} required error={errs['township.county']} />
            <TextInput label="管理员用户名" value={f.username} onChange={set('username')} required error={errs['admin.username']} />
            <TextInput label="管理员姓名" value={f.displayName} onChange={set('displayName')} required error={errs['admin.displayName']} />
            <PasswordInput label="管理员密码（至少6位）" value={f.password} onChange={set('password')} required error={errs['admin.password']} />
            <PasswordInput label="再次输入密码" value={f.password2} onChange={set('password2')} required error={errs.password2} />
            <Checkbox label="使用演示数据（约600户、1500人的示范乡镇，另建经办人 jingban、审核人 shenhe、只读 chakan，密码 demo1234）"
              checked={demo} onChange={(e) => (e.currentTarget.checked ? useDemo() : setDemo(false))} />
            {error && <Alert color="red" role="alert">{error}</Alert>}
            <Button type="submit" loading={busy}>完成设置</Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
