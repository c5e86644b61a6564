import { Alert } from '@mantine/core';
import type { AreaProps } from '../../areas';

/** Placeholder until this area's issue lands. */
export default function Area(_props: AreaProps) {
  return <Alert color="gray" title="建设中">本功能尚未完成。</Alert>;
}
