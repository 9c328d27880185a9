import { describe, expect, it } from 'vitest';
import { appealDeadlineText, appealOpen, appealWindow } from './window.js';

// The 复核 window: N working days after the day 不予受理 was made known, Beijing dates.

const at = (iso: string) => Date.parse(iso);

describe('复核期限', () => {
  it('当日不计入，按工作日顺延，截至最后一日24时', () => {
    // Monday 2026-06-01, 10:00 Beijing: Tue–Fri are 4 working days, the 5th is Monday 8 June.
    const window = appealWindow(at('2026-06-01T10:00:00+08:00'), 5);
    expect(window.lastDay).toBe('2026-06-08');
    expect(window.closesAt).toBe(at('2026-06-09T00:00:00+08:00'));
    expect(appealDeadlineText(window)).toBe('2026年6月8日24时');
  });

  it('北京时间的日期：UTC 前一日 20 时已是北京次日', () => {
    // 2026-06-01T20:00Z is Tuesday 2 June 04:00 in Beijing.
    expect(appealWindow(at('2026-06-01T20:00:00Z'), 1).lastDay).toBe('2026-06-03');
  });

  it('跨越法定节假日：国庆假期不计', () => {
    // Refused Wednesday 30 Sept 2026; 1–7 Oct are holidays (2026 schedule), 8 Oct the first working day after.
    const window = appealWindow(at('2026-09-30T15:00:00+08:00'), 1);
    expect(window.lastDay > '2026-10-07').toBe(true);
  });

  it('截止前可申请，截止时刻起不再受理', () => {
    const window = appealWindow(at('2026-06-01T10:00:00+08:00'), 5);
    expect(appealOpen(window, at('2026-06-08T23:59:59+08:00'))).toBe(true);
    expect(appealOpen(window, at('2026-06-09T00:00:00+08:00'))).toBe(false);
  });
});
