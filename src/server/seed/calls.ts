import { JS_INTL_2026 } from '../../core/calls/js-intl-2026.js';
import type { Database } from '../db/database.js';
import { repositories } from '../repositories/index.js';

export const PRACTICE_CALL_ID = `DEMO-${JS_INTL_2026.id}`;
const DAY_MS = 86_400_000;

/** 17:30 Beijing time, `days` after the Beijing date of `now`. */
export function beijingCloseOf(now: Date, days: number): Date {
  const date = new Date(now.getTime() + 8 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);
  return new Date(`${date}T17:30:00+08:00`);
}

/**
 * The real 2026 call, read-only history with its own windows, and a practice call (演示) with the same
 * parameters whose windows stay open relative to `now`: online submission closes in 30 days.
 */
export async function seedCalls(db: Database, now: Date): Promise<void> {
  const calls = repositories(db).calls;
  await calls.upsert({
    id: JS_INTL_2026.id,
    baseCallId: JS_INTL_2026.id,
    name: JS_INTL_2026.name,
    isPractice: false,
    submissionClosesAt: new Date(JS_INTL_2026.deadlines.submission.value),
    recommendationClosesAt: new Date(JS_INTL_2026.deadlines.recommendation.value),
    paperClosesAt: new Date(JS_INTL_2026.deadlines.paper.value),
    readOnly: true,
  });
  await calls.upsert({
    id: PRACTICE_CALL_ID,
    baseCallId: JS_INTL_2026.id,
    name: `${JS_INTL_2026.name}（演示）`,
    isPractice: true,
    submissionClosesAt: beijingCloseOf(now, 30),
    recommendationClosesAt: beijingCloseOf(now, 32),
    paperClosesAt: beijingCloseOf(now, 34),
  });
}
