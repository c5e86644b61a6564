import { addDays } from '../../domain/workdays';

/** The four notices. 初审公示 and 确认公布 follow 2021办法 art. 14/17; 长期公示 is the standing list of recipients. */
export const NOTICE_KINDS = ['初审公示', '确认公布', '长期公示', '停保公示'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_TITLES: Record<NoticeKind, string> = {
  初审公示: '最低生活保障初审结果公示',
  确认公布: '最低生活保障审核确认结果公布',
  长期公示: '最低生活保障对象长期公示',
  停保公示: '最低生活保障停保公示',
};

/** True when someone born on birthDate is under 18 on the given day (ISO dates compare as text). */
export function isMinorOn(birthDate: string, on: string): boolean {
  const y = Number(birthDate.slice(0, 4)) + 18;
  return `${y}${birthDate.slice(4)}` > on;
}

/**
 * A minor is never named on a public notice (个人信息保护法: minors' data is sensitive). A household whose
 * head is a minor (e.g. orphans) is shown as surname + 某, like anonymised court documents: the village can
 * still tell a household is listed, nobody learns the child's name from the board.
 */
export function publicHeadName(name: string, birthDate: string | null, on: string): string {
  if (!name) return '（户主未登记）';
  if (birthDate && isMinorOn(birthDate, on)) return `${[...name][0]}某`;
  return name;
}

/** The posting period: `days` calendar days counted from the first day (7 days from 11-22 end on 11-28). */
export function periodEnd(start: string, days: number): string {
  return addDays(start, days - 1);
}
