import { useState } from 'react';
import { Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title, Alert } from '@mantine/core';
import { call, ApiError, type Out } from '../lib/api';

export function LoginPage({ township, lockedAs, onLogin }: { township: string; lockedAs: string | null; onLogin: (r: Out<'auth.login'>) => void }) {
  const [username, setUsername] = useState(lockedAs ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try { onLogin(await call('auth.login', { username, password })); } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally { setBusy(false); }
  };
  return (
    <Container size={420} py={80}>
      <Title order={2} ta="center">乡镇低保档案与复核工作站</Title>
      <Text c="dimmed" ta="center" mb="lg">{township}</Text>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit}>
          <Stack>
            {lockedAs && <Alert color="yellow">长时间未操作，窗口已锁定，请重新输入密码。</Alert>}
            <TextInput label="用户名" value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoFocus={!lockedAs} required />
            <PasswordInput label="密码" visibilityToggleButtonProps={{ 'aria-label': '显示或隐藏密码' }} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoFocus={!!lockedAs} required />
            {error && <Alert color="red" role="alert">{error}</Alert>}
            <Button type="submit" loading={busy}>登录</Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
