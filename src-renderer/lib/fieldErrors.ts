import { ApiError } from './api';

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
