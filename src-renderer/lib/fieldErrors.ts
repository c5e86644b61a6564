import { useState } from 'react';
import { ApiError } from './api';
import { notifyError, notifyOk } from './notify';

/**
 * Main's VALIDATION (and other) errors as messages per field path ('township.divisionCode' → '统计用区划代码应为 12 位数字'),
 * so a form shows every problem at once under its own field. A message for the whole input goes under ''.
 */
export function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const details = e instanceof ApiError ? e.details : undefined;
  if (!Array.isArray(details)) return out;
  for (const d of details as { path?: string; message?: string }[]) {
    if (!d?.message) continue;
    const key = d.path ?? '';
    out[key] = out[key] ? `${out[key]}；${d.message}` : d.message;
  }
  return out;
}

/**
 * A form's errors: run(fn) calls main and, when it refuses, keeps every per-field message (err('visitDate') puts
 * it under that field, err('members') also collects 'members.0.name' …) and shows the whole message once.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = async (fn: () => Promise<unknown>, okMessage?: string): Promise<boolean> => {
    try {
      await fn();
      setErrors({});
      if (okMessage) notifyOk(okMessage);
      return true;
    } catch (e) {
      setErrors(fieldErrors(e));
      notifyError(e);
      return false;
    }
  };
  const err = (path: string): string | undefined => {
    const hits = Object.entries(errors).filter(([k]) => k === path || k.startsWith(`${path}.`)).map(([, m]) => m);
    return hits.length ? hits.join('；') : undefined;
  };
  return { errors, err, run, clear: () => setErrors({}) };
}
