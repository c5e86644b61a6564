/** Month arithmetic for 'YYYY-MM' periods (statistics cover one calendar month). */
export const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export const periodLabel = (period: string) => `${Number(period.slice(0, 4))}年${Number(period.slice(5, 7))}月`;
export const monthStart = (period: string) => `${period}-01`;

export function monthEnd(period: string): string {
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(last).padStart(2, '0')}`;
}

/** Whole years of age on `date` (ISO), from an ISO birth date. */
export function ageOn(birthDate: string, date: string): number {
  let age = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (date.slice(5) < birthDate.slice(5)) age--;
  return age;
}

/** The month before today's, the usual reporting period (due by the 4th of the next month). */
export function defaultPeriod(today = new Date()): string {
  const d = new Date(Date.UTC(today.getFullYear(), today.getMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}
