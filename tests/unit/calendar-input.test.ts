import { describe, expect, it } from 'vitest';
import { effectiveCalendar, lineErrorText, parseHolidayNotice, validateYearLines } from '../../src-main/domain/calendarInput';
import { addWorkingDays, compileCalendar, OFFICIAL_CALENDARS, unverifiedYears } from '../../src-main/domain/workdays';

describe('a year of the calendar is checked line by line', () => {
  const cases: { name: string; holidays?: string[]; workdays?: string[]; field: 'holidays' | 'workdays'; line: number; message: RegExp }[] = [
    { name: 'one-digit day', holidays: ['2027-01-01', '2027-10-1..2027-10-07'], field: 'holidays', line: 2, message: /YYYY-MM-DD/ },
    { name: 'impossible date', holidays: ['2027-02-30'], field: 'holidays', line: 1, message: /不是存在的日期/ },
    { name: 'end before start', holidays: ['2027-10-07..2027-10-01'], field: 'holidays', line: 1, message: /止日早于起日/ },
    { name: 'range too long (typo in month)', holidays: ['2027-10-01..2027-11-07'], field: 'holidays', line: 1, message: /超过 15 天/ },
    { name: 'another year', holidays: ['2027-01-01', '', '2028-05-01..2028-05-05'], field: 'holidays', line: 3, message: /不在 2027 年内/ },
    { name: 'three parts', holidays: ['2027-01-01..2027-01-02..2027-01-03'], field: 'holidays', line: 1, message: /一个日期/ },
    { name: 'holiday only on a weekend', holidays: ['2027-01-02..2027-01-03'], field: 'holidays', line: 1, message: /都是周末/ },
    { name: 'make-up day on a weekday', holidays: ['2027-01-01'], workdays: ['2027-02-06', '2027-02-08'], field: 'workdays', line: 2, message: /星期一.*不是调休上班日/ },
    { name: 'make-up day as a range', holidays: ['2027-01-01'], workdays: ['2027-02-06..2027-02-07'], field: 'workdays', line: 1, message: /一个日期/ },
    { name: 'holidays overlap', holidays: ['2027-10-01..2027-10-07', '2027-10-05..2027-10-08'], field: 'holidays', line: 2, message: /与第 1 行重叠/ },
    { name: 'duplicate make-up day', holidays: ['2027-01-01'], workdays: ['2027-02-06', '2027-02-06'], field: 'workdays', line: 2, message: /与第 1 行重叠/ },
    { name: 'make-up day inside a holiday', holidays: ['2027-10-01..2027-10-07'], workdays: ['2027-10-02'], field: 'workdays', line: 1, message: /法定节假日第 1 行/ },
  ];
  it.each(cases)('refuses $name with its line number', ({ holidays = [], workdays = [], field, line, message }) => {
    const errors = validateYearLines(2027, { holidays, workdays });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field, line });
    expect(errors[0].message).toMatch(message);
  });

  it('accepts every shipped year and a break that starts in December of the year before', () => {
    for (const [y, cal] of Object.entries(OFFICIAL_CALENDARS)) expect(validateYearLines(Number(y), cal)).toEqual([]);
    expect(validateYearLines(2023, { holidays: ['2022-12-31..2023-01-02'], workdays: [] })).toEqual([]);
  });

  it('reports every bad line at once, each named for the clerk', () => {
    const errors = validateYearLines(2027, { holidays: ['2027-13-01', '2027-10-1'], workdays: ['2027-02-08'] });
    expect(errors.map(lineErrorText)).toEqual([
      expect.stringMatching(/^法定节假日第 1 行“2027-13-01”：/), expect.stringMatching(/^法定节假日第 2 行/), expect.stringMatching(/^调休上班日第 1 行/),
    ]);
  });
});

describe('the calendar deadlines are counted on', () => {
  it('ships 2024 as in the notice (domain.md §11)', () => {
    const cal = compileCalendar(OFFICIAL_CALENDARS);
    for (const d of ['2024-01-01', '2024-02-10', '2024-02-17', '2024-04-05', '2024-05-03', '2024-06-10', '2024-09-16', '2024-10-07']) expect(cal.isWorkingDay(d)).toBe(false);
    for (const d of ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12']) expect(cal.isWorkingDay(d)).toBe(true);
    expect(addWorkingDays(cal, '2024-09-27', 3)).toBe('2024-10-08'); // Fri, Sun 9-29 make-up, Mon 9-30, then 10-1..7 off
  });

  it('names the years a count crosses that no calendar covers', () => {
    const cal = compileCalendar(OFFICIAL_CALENDARS);
    expect(unverifiedYears(cal, '2026-11-20', '2027-01-12')).toEqual([2027]);
    expect(unverifiedYears(cal, '2023-12-20', '2024-01-10')).toEqual([2023]);
    expect(unverifiedYears(cal, '2025-12-20', '2026-01-10')).toEqual([]);
  });

  it('leaves out a saved year that fails the checks instead of throwing, and keeps the shipped one', () => {
    const { calendar, invalid } = effectiveCalendar({
      2027: { holidays: ['2027-10-1..2027-10-07'], workdays: [] },
      2026: { holidays: ['bad'], workdays: [] },
      2028: { holidays: [], workdays: [] },
      2029: { holidays: ['2029-01-01'], workdays: [] },
    });
    expect(invalid.map((i) => i.year)).toEqual([2026, 2027, 2028]);
    expect(invalid.find((i) => i.year === 2028)!.problems).toEqual(['没有任何法定节假日']);
    expect(calendar['2026']).toEqual(OFFICIAL_CALENDARS['2026']);
    expect('2027' in calendar).toBe(false);
    expect(calendar['2029'].holidays).toEqual(['2029-01-01']);
    expect(() => compileCalendar(calendar)).not.toThrow();
  });
});

const NOTICE_2024 = `国务院办公厅关于2024年部分节假日安排的通知
国办发明电〔2023〕7号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2024年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周一）放假，与周末连休。
二、春节：2月10日至17日放假调休，共8天。2月4日（周日）、2月18日（周日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
三、清明节：4月4日至6日放假调休，共3天。4月7日（周日）上班。
四、劳动节：5月1日至5日放假调休，共5天。4月28日（周日）、5月11日（周六）上班。
五、端午节：6月10日放假，与周末连休。
六、中秋节：9月15日至17日放假调休，共3天。9月14日（周六）上班。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（周日）、10月12日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2023年10月25日`;

describe('the State Council notice is read into the calendar', () => {
  it('reads the 2024 notice into exactly the shipped 2024 calendar', () => {
    const p = parseHolidayNotice(NOTICE_2024);
    expect(p.year).toBe(2024);
    expect(p.problems).toEqual([]);
    expect(p.festivals.map((f) => f.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
    expect(p.holidays).toEqual(OFFICIAL_CALENDARS['2024'].holidays);
    expect([...p.workdays].sort()).toEqual([...OFFICIAL_CALENDARS['2024'].workdays].sort());
  });

  const table: { name: string; text: string; year?: number; holidays: string[]; workdays: string[] }[] = [
    { name: '2025 style, ranges across months and weekday notes', text: '国务院办公厅关于2025年部分节假日安排的通知\n一、元旦：1月1日（周三）放假1天，不调休。\n二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。\n六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。',
      holidays: ['2025-01-01', '2025-01-28..2025-02-04', '2025-10-01..2025-10-08'], workdays: ['2025-01-26', '2025-02-08', '2025-09-28', '2025-10-11'] },
    { name: 'a break starting the year before, fullwidth digits', text: '关于2023年部分节假日安排的通知 一、元旦：２０２２年12月31日至2023年1月2日放假调休，共3天。',
      holidays: ['2022-12-31..2023-01-02'], workdays: [] },
    { name: 'year given by the clerk, no title', year: 2027, text: '一、元旦：1月1日放假。', holidays: ['2027-01-01'], workdays: [] },
  ];
  it.each(table)('reads $name', ({ text, year, holidays, workdays }) => {
    const p = parseHolidayNotice(text, year);
    expect(p.problems).toEqual([]);
    expect(p.holidays).toEqual(holidays);
    expect(p.workdays).toEqual(workdays);
  });

  it('says what it cannot read instead of guessing', () => {
    expect(parseHolidayNotice('一、元旦：1月1日放假。').problems[0]).toMatch(/没有找到年份/);
    expect(parseHolidayNotice('随便一段文字', 2027).problems[0]).toMatch(/没有读出任何节日/);
    expect(parseHolidayNotice('一、元旦：1月1日放假。二、春节：2月8日（周一）上班。', 2027).problems)
      .toEqual(['春节：没有读出放假日期', expect.stringMatching(/调休上班日第 1 行.*星期一/)]);
  });
});
