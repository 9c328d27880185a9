import calendar from './data/cn_public_holidays.json' with { type: 'json' };

// 工作日 for periods counted in working days (公示期): Monday to Friday, less the public holidays and plus the
// 调休 working weekends of each year's published 放假安排. A year whose arrangement is not in the data (it is
// published each November for the next year) falls back to weekends and the fixed-date statutory holidays.

interface YearArrangement {
  source: string;
  url: string;
  /** [first day, last day, the holiday's name] */
  holidays: string[][];
  workdays: string[];
}

const years = calendar.years as Record<string, YearArrangement>;
const FIXED_HOLIDAYS = new Set(calendar.statutory.fixed_dates);

/** Every holiday date of the published years. */
const HOLIDAYS = new Set(
  Object.values(years).flatMap(({ holidays }) => holidays.flatMap(([from, to]) => datesBetween(from!, to!))),
);
const WORKDAYS = new Set(Object.values(years).flatMap((y) => y.workdays));

/** The years whose 放假安排 the data holds, in order. */
export const PUBLISHED_HOLIDAY_YEARS: readonly number[] = Object.keys(years).map(Number).sort();

function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (const day = utcDay(from); day.toISOString().slice(0, 10) <= to; day.setUTCDate(day.getUTCDate() + 1)) {
    dates.push(day.toISOString().slice(0, 10));
  }
  return dates;
}

/** Whether `date` (YYYY-MM-DD) is a working day by the calendar it falls in. */
export function isWorkingDay(date: string): boolean {
  if (WORKDAYS.has(date)) return true;
  if (HOLIDAYS.has(date)) return false;
  if (!(date.slice(0, 4) in years) && FIXED_HOLIDAYS.has(date.slice(5))) return false;
  const weekday = utcDay(date).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The `count`-th working day counting `start` itself when it is one. */
export function addWorkingDays(start: string, count: number): string {
  const day = utcDay(start);
  let left = count;
  for (;;) {
    const date = day.toISOString().slice(0, 10);
    if (isWorkingDay(date)) left -= 1;
    if (left === 0) return date;
    day.setUTCDate(day.getUTCDate() + 1);
  }
}
