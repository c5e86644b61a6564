import { useSyncExternalStore } from 'react';

/**
 * How the queries of the page on screen stand, for the window's main area (data-state="loading|ready|error"): e2e
 * tests wait on it instead of on a loader that may not have appeared yet. Every useCall reports itself here.
 */
export type PageState = 'loading' | 'ready' | 'error';

const loading = new Set<symbol>();
const failed = new Set<symbol>();
const listeners = new Set<() => void>();
let current: PageState = 'ready';

/** A query's state, or null once it unmounted. */
export function reportQuery(id: symbol, s: { loading: boolean; failed: boolean } | null) {
  loading.delete(id);
  failed.delete(id);
  if (s?.loading) loading.add(id);
  else if (s?.failed) failed.add(id);
  const next: PageState = loading.size ? 'loading' : failed.size ? 'error' : 'ready';
  if (next === current) return;
  current = next;
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => { listeners.add(l); return () => { listeners.delete(l); }; };

export function usePageState(): PageState {
  return useSyncExternalStore(subscribe, () => current);
}
