// Deadlines and "the date of" an instant are Beijing time (UTC+08:00); instants in a bundle may carry
// any offset and are compared as instants.

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

export function instantMs(iso: string): number {
  return Date.parse(iso);
}

/** The calendar date (YYYY-MM-DD) of an instant in Beijing time. */
export function beijingDate(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026-05-18 17:30:00` in Beijing time, for people. */
export function formatBeijing(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** An instant as ISO 8601 at +08:00, e.g. for receipts and exports. */
export function toBeijingIso(ms: number): string {
  return `${new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** `2026年3月29日`. */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
