import { useState } from 'react';
import { TextInput } from '@mantine/core';
import { call } from '../../lib/api';
import { formatDate } from '../../lib/format';

/**
 * 身份证号 field checked by main as soon as it is complete (18 or 15 characters) or left: the reason for a
 * refusal shows under the field, and a valid number shows the sex, birth date and age main derived.
 */
export function IdNumberInput({ value, onChange, error, onError, label = '身份证号' }: {
  value: string; onChange: (v: string) => void; error?: string | null; onError: (e: string | null) => void; label?: string;
}) {
  const [hint, setHint] = useState('');
  const check = async (v: string) => {
    if (!v.trim()) { setHint(''); onError(null); return; }
    const r = await call('households.checkId', { idNumber: v });
    if (r.ok) { setHint(`${r.sex}，${formatDate(r.birthDate)}出生，${r.age} 岁${r.converted ? `；15 位号码已转换为 ${r.id}` : ''}`); onError(null); }
    else { setHint(''); onError(r.reason); }
  };
  return (
    <TextInput label={label} required value={value} error={error || undefined} description={hint || undefined} maxLength={20}
      styles={{ input: { fontFamily: 'monospace' } }}
      onChange={(e) => { const v = e.currentTarget.value; onChange(v); if (v.trim().length === 18 || v.trim().length === 15) void check(v); else onError(null); }}
      onBlur={(e) => void check(e.currentTarget.value)} />
  );
}

/** Puts a VALIDATION/CONFLICT error of main next to its field when it names one ('idNumber' …). */
export function fieldError(e: unknown, field: string): string | null {
  const details = (e as { details?: unknown })?.details;
  if (!Array.isArray(details)) return null;
  const hit = details.find((d: { path?: string }) => d?.path === field || d?.path?.endsWith(`.${field}`)) as { message: string } | undefined;
  return hit?.message ?? null;
}
