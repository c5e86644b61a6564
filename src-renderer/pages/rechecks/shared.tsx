import { useCall } from '../../lib/useCall';

/** Villages of the township from the address tree, as Select options. */
export function useVillages() {
  const { data } = useCall('regions.tree', {});
  return (data ?? []).flatMap((t) => t.children).map((v) => ({ value: String(v.id), label: v.name }));
}

/** Fen as a plain 元 number for an input's value (display uses formatYuan). */
export const yuan = (fen: number | null | undefined) => (fen == null ? '' : (fen / 100).toFixed(2).replace(/\.00$/, ''));
export const toFen = (yuanText: string) => (yuanText.trim() === '' ? null : Math.round(Number(yuanText) * 100));
