import { useCall } from '../../lib/useCall';
import type { Out } from '../../lib/api';

export type Options = Out<'households.options'>;
/** The domain lists (categories, relations …) come from main, so labels are never spelled twice. */
export const useOptions = () => useCall('households.options', {}).data;
export const opts = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));
