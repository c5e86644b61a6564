import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError, call, type ChannelName, type In, type Out } from './api';
import { reportQuery } from './pageState';

/** Loads one query channel; reloads when `input` changes (compared as JSON). */
export function useCall<K extends ChannelName>(channel: K, input: In<K>, enabled = true) {
  const [data, setData] = useState<Out<K> | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(enabled);
  const key = JSON.stringify(input);
  const seq = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const v = await call(channel, JSON.parse(key));
      if (mine === seq.current) { setData(v); setError(null); }
    } catch (e) {
      if (mine === seq.current) setError(e instanceof ApiError ? e : new ApiError('INTERNAL', String(e)));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [channel, key]);
  useEffect(() => { if (enabled) void reload(); }, [reload, enabled]);
  // before the paint, so the main area never reads ready while a page that just mounted has not asked yet
  const id = useRef(Symbol(channel)).current;
  useLayoutEffect(() => { reportQuery(id, { loading, failed: !!error }); }, [id, loading, error]);
  useLayoutEffect(() => () => reportQuery(id, null), [id]);
  return { data, error, loading, reload };
}
