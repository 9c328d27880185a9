import dayjs, { type Dayjs } from 'dayjs';
import { beijingDate, formatBeijing } from '../../core/time.js';
import {
  APPLICATION_STATUS_LABELS,
  APPLICATION_STATUSES,
  type ApplicationStatus,
} from '../../contract/vocabulary.js';

// How the web app shows the platform's values: Beijing time, statuses in Chinese.

/** `YYYY-MM-DD HH:mm:ss` (Beijing time) for an ISO instant with any offset. */
export function beijingTime(iso: string): string {
  return formatBeijing(Date.parse(iso));
}

/**
 * A date picker's value for an instant: the picker shows the browser's wall clock, so it is given the Beijing
 * wall clock, whatever the browser's time zone.
 */
export function beijingPickerValue(iso: string): Dayjs {
  return dayjs(formatBeijing(Date.parse(iso)));
}

/** The instant (ISO 8601) of what a picker fed by `beijingPickerValue` shows, read as Beijing time. */
export function fromBeijingPicker(value: Dayjs): string {
  return new Date(`${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00`).toISOString();
}

/** 17:30 Beijing time, `days` after today's Beijing date, as a picker value. */
export function beijingCloseIn(days: number): Dayjs {
  return dayjs(`${beijingDate(Date.now() + days * 86_400_000)} 17:30:00`);
}

/** `17:30:05` (Beijing time). */
export function beijingClock(ms: number): string {
  return formatBeijing(ms).slice(11);
}

const STATUS_COLORS: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  recommended: 'success',
  'not-recommended': 'error',
  withdrawn: 'default',
};

export const STATUS_LABELS = Object.fromEntries(
  APPLICATION_STATUSES.map((s) => [s, { label: APPLICATION_STATUS_LABELS[s], color: STATUS_COLORS[s] }]),
) as Record<ApplicationStatus, { label: string; color: string }>;
