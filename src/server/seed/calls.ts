import { JS_INTL_2026 } from '../../core/calls/js-intl-2026.js';
import type { CallParameters, Cited } from '../../core/calls/parameters.js';
import { toCallDocument } from '../../core/calls/schema.js';
import { toBeijingIso } from '../../core/time.js';
import type { Database } from '../db/database.js';
import { repositories } from '../repositories/index.js';
import type { Province } from '../services/call-admin.js';
import type { Services } from '../services/index.js';
import { CALL_FILES, readCallFile } from './call-files.js';

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

/**
 * A call file's call as the demo opens it: its invented dates moved so that the notice is published and filing
 * opens today (Beijing) and closes in 30 days, each date's quote saying so, as a practice call's windows do.
 */
export function demoWindowsOf(call: CallParameters, now: Date): CallParameters {
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const moved = (cited: Cited<string>, at: Date) => ({
    ...cited,
    value: toBeijingIso(at.getTime()),
    quote: `${cited.quote}（演示：时间改为自播种之日起计）`,
  });
  return {
    ...call,
    notice: { ...call.notice, publishedOn: { ...moved(call.notice.publishedOn, now), value: today } },
    deadlines: {
      opens: moved(call.deadlines.opens, new Date(`${today}T00:00:00+08:00`)),
      submission: moved(call.deadlines.submission, beijingCloseOf(now, 30)),
      recommendation: moved(call.deadlines.recommendation, beijingCloseOf(now, 32)),
      paper: moved(call.deadlines.paper, beijingCloseOf(now, 34)),
    },
  };
}

/**
 * The example calls of `calls/`, each created from its file by the province (as the call editor's import does) with
 * the demo's windows, and opened to applicants.
 */
export async function seedCallFiles(
  services: Services,
  province: Province,
  now: Date,
): Promise<CallParameters[]> {
  const seeded: CallParameters[] = [];
  for (const name of Object.values(CALL_FILES)) {
    const call = demoWindowsOf(readCallFile(name), now);
    await services.callDocuments.create(province, toCallDocument(call));
    await services.callAdmin.open(province, call.id);
    seeded.push(call);
  }
  return seeded;
}
