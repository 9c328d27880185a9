import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { CrossCheckJob } from './cross-check.js';
import { ReminderJob } from './reminders.js';
import { JobRunner, type JobLog } from './runner.js';

/** Every background job of the app, in one runner per process. */
export function createJobRunner({ db, clock, log }: { db: Database; clock: Clock; log: JobLog }): JobRunner {
  return new JobRunner([new CrossCheckJob(db, clock, log), new ReminderJob(db, clock, log)], clock, log);
}
