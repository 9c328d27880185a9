import { addWorkingDays } from '../reference/working-days.js';
import { beijingDate, formatChineseDate } from '../time.js';

// 复核 of 不予受理 (issue 14 §8): the applicant may ask within the call's number of working days from the day
// the refusal was made known. As periods are counted in Chinese law (期间开始的当日不计入), the day of the refusal
// is not counted: the window runs through the N-th working day after it, to the end of that Beijing day.

export interface AppealWindow {
  /** The last day (YYYY-MM-DD, Beijing) an appeal is taken. */
  lastDay: string;
  /** The instant the window closes: the start of the day after `lastDay`, Beijing time. */
  closesAt: number;
}

function nextDate(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** The window of an appeal against a refusal made known at `refusedAt`, `workingDays` long. */
export function appealWindow(refusedAt: number, workingDays: number): AppealWindow {
  const lastDay = addWorkingDays(nextDate(beijingDate(refusedAt)), Math.max(1, workingDays));
  return { lastDay, closesAt: Date.parse(`${nextDate(lastDay)}T00:00:00+08:00`) };
}

export function appealOpen(window: AppealWindow, now: number): boolean {
  return now < window.closesAt;
}

/** “2026年6月8日24时”: how the applicant is told the deadline. */
export function appealDeadlineText(window: AppealWindow): string {
  return `${formatChineseDate(window.lastDay)}24时`;
}
