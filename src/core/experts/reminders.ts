import { formatBeijing } from '../time.js';

// 评审到期提醒: an expert who has not submitted is reminded once when the due date is this close.

export const REMINDER_LEAD_HOURS = 48;
export const REMINDER_LEAD_MS = REMINDER_LEAD_HOURS * 60 * 60 * 1000;

/** Whether an unsubmitted assignment due at `dueAt` is within the reminder window at `now` (and not yet due). */
export function dueSoon(dueAt: Date, now: Date): boolean {
  const left = dueAt.getTime() - now.getTime();
  return left > 0 && left <= REMINDER_LEAD_MS;
}

export function reminderText(title: string, dueAt: Date): string {
  return `评审任务“${title || '（未填写项目名称）'}”将于 ${formatBeijing(dueAt.getTime())}（北京时间）截止，请尽快完成评分并提交。`;
}
