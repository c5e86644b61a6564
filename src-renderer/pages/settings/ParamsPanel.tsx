import { useEffect, useState } from 'react';
import { Anchor, Button, Divider, Group, NumberInput, Stack, TagsInput, Text, Title } from '@mantine/core';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { useFieldErrors } from '../../lib/fieldErrors';
import { ErrorAlert, Loading } from '../../components/Status';

/** General parameters, and the LOCAL settings of the supervision feature; others link to their own areas. */
export function ParamsPanel() {
  const { data, error, loading, reload } = useCall('settings.get', {});
  const relations = useCall('supervision.relations', {});
  const [idle, setIdle] = useState<number>(15);
  const [complaintDays, setComplaintDays] = useState<number>(60);
  const [rel, setRel] = useState<string[]>([]);
  // settings save one key at a time: main's messages go under the box of the key that was refused
  const { err, run } = useFieldErrors();
  const [lastKey, setLastKey] = useState('');
  const errOf = (key: string) => (lastKey === key ? err('value') ?? err('') : undefined);
  useEffect(() => {
    if (!data) return;
    setIdle(Number(data['security.idleMinutes'] ?? 15));
    setComplaintDays(Number(data['supervision.complaintDays'] ?? 60));
  }, [data]);
  useEffect(() => { if (relations.data) setRel(relations.data); }, [relations.data]);
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Loading />;
  const save = async (key: string, value: number | string[]) => {
    setLastKey(key);
    if (await run(() => call('settings.set', { key, value }), '已保存')) { void reload(); void relations.reload(); }
  };
  return (
    <Stack maw={640}>
      <Title order={5}>安全</Title>
      <Group align="flex-end">
        <NumberInput label="无操作多少分钟后锁定窗口" min={1} max={240} value={idle} onChange={(v) => setIdle(Number(v))} error={errOf('security.idleMinutes')} />
        <Button onClick={() => save('security.idleMinutes', idle)}>保存</Button>
      </Group>
      <Text size="sm" c="dimmed">锁定后需重新输入密码；后台同样会使超时的登录失效。</Text>
      <Divider />
      <Title order={5}>近亲属备案与信访</Title>
      <Group align="flex-end">
        <TagsInput label="近亲属关系（默认为2012办法第14条的八类，可按本地规定增加）" value={rel} onChange={setRel} w={460} error={errOf('supervision.relations')} />
        <Button onClick={() => save('supervision.relations', rel)} disabled={rel.length === 0}>保存</Button>
      </Group>
      <Group align="flex-end">
        <NumberInput label="信访事项办理期限（天）" min={1} max={365} value={complaintDays} onChange={(v) => setComplaintDays(Number(v))} error={errOf('supervision.complaintDays')} />
        <Button onClick={() => save('supervision.complaintDays', complaintDays)}>保存</Button>
      </Group>
      <Divider />
      <Title order={5}>其他业务设置</Title>
      <Text size="sm">复核频次：<Anchor href="#/rechecks">动态管理 → 到期复核</Anchor>（管理员可切换2021/2012规则）</Text>
      <Text size="sm">公示电话、发布单位、套打偏移：<Anchor href="#/notices/settings">公示公告 → 公示设置</Anchor></Text>
      <Text size="sm">档案柜层级、档号规则、保管期限：<Anchor href="#/archive/settings">档案室 → 设置</Anchor></Text>
    </Stack>
  );
}
