import { beijingTime } from '../../../shared/format.js';

// A call's three deadlines, typed as Beijing wall-clock time whatever the browser's own time zone.

export const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2})$/;
export const DEADLINES = [
  ['submissionClosesAt', '网上填报截止'],
  ['recommendationClosesAt', '主管部门审核推荐截止'],
  ['paperClosesAt', '纸质材料受理截止'],
] as const;
export type DeadlineKey = (typeof DEADLINES)[number][0];
export type DeadlineFields = Record<DeadlineKey, string>;

export const toWallClock = (iso: string) => beijingTime(iso).slice(0, 16);
export const fromWallClock = (text: string) => {
  const [, date, time] = WALL_CLOCK.exec(text.trim())!;
  return `${date}T${time}:00+08:00`;
};
