import { useState } from 'react';
import { Alert, Button, Code, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { attempt } from '../../lib/notify';
import { formatDateTime } from '../../lib/format';
import { WriteArea } from '../../lib/access';

/**
 * Whether packages leave encrypted: the county's public key (registered once, by an administrator, after reading the
 * fingerprint back with the county by phone). Without it the clerk sees, before exporting, that the stick will be
 * readable by anyone who finds it.
 */
export function CountyKeyCard() {
  const key = useCall('ledgers.countyKey', {});
  const [open, setOpen] = useState(false);
  if (key.loading) return null;
  const k = key.data;
  return (
    <Stack gap="xs">
      {k
        ? <Alert color="green" title="报送包将加密" role="status">
            只有{k.countyName}能打开导出的报送包（县级公钥指纹 <Code>{k.fingerprint}</Code>，{formatDateTime(k.registeredAt)} 登记）。U盘丢失不会泄露花名册。
          </Alert>
        : <Alert color="red" title="未登记县民政局加密公钥：报送包不加密" role="alert">
            现在导出的报送包中，身份证号、姓名和银行账号以明文写在U盘上，U盘丢失即泄露。请向县民政局索取加密公钥（县里用 county keygen 生成），
            由管理员在下方登记，并与县里电话核对指纹。
          </Alert>}
      <WriteArea channel="ledgers.setCountyKey" what="登记县级加密公钥">
        {!open
          ? <Group><Button size="xs" variant="default" onClick={() => setOpen(true)}>{k ? '更换县级加密公钥' : '登记县级加密公钥'}</Button></Group>
          : <CountyKeyForm onDone={() => { setOpen(false); void key.reload(); }} />}
      </WriteArea>
    </Stack>
  );
}

function CountyKeyForm({ onDone }: { onDone: () => void }) {
  const [publicKey, setPublicKey] = useState('');
  const [countyName, setCountyName] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void attempt(async () => {
      const r = await call('ledgers.setCountyKey', { publicKey, countyName, confirmFingerprint: fingerprint || undefined });
      onDone();
      return r;
    }, '县级加密公钥已登记');
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <TextInput label="县（区）民政局" value={countyName} required onChange={(e) => setCountyName(e.currentTarget.value)} />
        <Textarea label="县级加密公钥" description="粘贴县民政局提供的公钥（以 -----BEGIN PUBLIC KEY----- 开头，或 44 位 base64）" autosize minRows={3}
          value={publicKey} required onChange={(e) => setPublicKey(e.currentTarget.value)} />
        <TextInput label="电话核对的指纹" description="县里读出的指纹（如 60CA-9990-…）；填写后不一致将拒绝登记" value={fingerprint}
          onChange={(e) => setFingerprint(e.currentTarget.value)} />
        <Text size="xs" c="dimmed">登记后，报送包只有持有对应私钥的县民政局能打开；本工作站无法再读取已导出的包。</Text>
        <Group><Button type="submit" size="xs">登记</Button><Button size="xs" variant="default" onClick={onDone}>取消</Button></Group>
      </Stack>
    </form>
  );
}
