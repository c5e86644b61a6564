/**
 * Grandfather-father-son rotation of the automatic daily backups: the newest set of each of the last
 * 7 days, 4 ISO weeks and 12 months that have a backup is kept; the rest may be deleted. Pure, no I/O.
 */
export interface DatedSet { name: string; /** local calendar day 'YYYY-MM-DD' */ day: string; /** sortable stamp */ at: string }
export interface RotationPolicy { daily: number; weekly: number; monthly: number }
export const DEFAULT_POLICY: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

/** ISO-8601 week key 'YYYY-Www' of a calendar day (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  date.setUTCDate(date.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const year = date.getUTCFullYear();
  const week = 1 + Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Names of the sets to keep under the policy. */
export function setsToKeep(sets: DatedSet[], policy: RotationPolicy = DEFAULT_POLICY): Set<string> {
  const newestFirst = [...sets].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const keep = new Set<string>();
  const buckets: [(s: DatedSet) => string, number][] = [
    [(s) => s.day, policy.daily], [(s) => isoWeek(s.day), policy.weekly], [(s) => s.day.slice(0, 7), policy.monthly],
  ];
  for (const [bucketOf, count] of buckets) {
    const seen = new Set<string>();
    for (const s of newestFirst) {
      const key = bucketOf(s);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(s.name);
    }
  }
  return keep;
}
