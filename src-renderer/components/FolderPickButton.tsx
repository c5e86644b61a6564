import { Button } from '@mantine/core';

/** In the desktop app, a native folder dialog fills a path field; in web mode the field is typed. */
export function FolderPickButton({ onPick }: { onPick: (path: string) => void }) {
  if (!window.dibao) return null;
  const pick = async () => { const p = await window.dibao!.pickFolder(); if (p) onPick(p); };
  return <Button size="xs" variant="default" onClick={pick}>选择文件夹…</Button>;
}
