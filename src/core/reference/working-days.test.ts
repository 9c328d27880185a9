import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, PUBLISHED_HOLIDAY_YEARS } from './working-days.js';

// 公示期 counted in working days against the published 放假安排 (国办 2025-11-04 for 2026).
const PERIODS: [name: string, start: string, days: number, ends: string][] = [
  ['平常一周：周一起 5 个工作日到周五', '2026-11-23', 5, '2026-11-27'],
  ['周六开始：从下周一数起', '2026-11-28', 5, '2026-12-04'],
  ['跨国庆：10 月 1 日至 7 日放假，10 月 10 日（周六）调休上班', '2026-09-28', 5, '2026-10-09'],
  ['国庆后的调休周六算工作日', '2026-10-08', 3, '2026-10-10'],
  ['跨春节：2 月 14 日（周六）上班，15 日至 23 日放假', '2026-02-12', 5, '2026-02-25'],
  ['中秋 9 月 25 日至 27 日放假，9 月 20 日（周日）上班', '2026-09-18', 7, '2026-09-28'],
  ['劳动节 5 月 1 日至 5 日，5 月 9 日（周六）上班', '2026-04-30', 3, '2026-05-07'],
  ['跨年到未发布安排的 2027 年：元旦按固定日期放假', '2026-12-28', 5, '2027-01-04'],
  ['未发布安排的年份：国庆 10 月 1 日（周五）按固定日期放假', '2027-09-29', 3, '2027-10-04'],
];

describe('按工作日计算的期限', () => {
  it.each(PERIODS)('%s', (_name, start, days, ends) => {
    expect(addWorkingDays(start, days)).toBe(ends);
  });

  it('调休上班的周末是工作日，放假的工作日不是', () => {
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-10-05')).toBe(false);
    expect(isWorkingDay('2026-06-19')).toBe(false);
    expect(isWorkingDay('2026-06-18')).toBe(true);
  });

  it('已录入 2025、2026 年的放假安排', () => {
    expect(PUBLISHED_HOLIDAY_YEARS).toEqual([2025, 2026]);
  });
});
