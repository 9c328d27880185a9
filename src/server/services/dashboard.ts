import { DIRECTIONS, TOPICS } from '../../core/bundle/schema.js';
import { streamOf } from '../../core/calls/parameters.js';
import type { Repositories } from '../repositories/index.js';
import type { StreamCap } from '../repositories/dashboard.js';
import type { CallService } from './calls.js';

const HOUR_MS = 3_600_000;

export type Dashboard = Awaited<ReturnType<DashboardService['get']>>;

/** The province's overview of a call (issue 5 §7): the figures behind the dashboard's charts. */
export class DashboardService {
  constructor(
    private readonly repos: Repositories,
    private readonly calls: CallService,
  ) {}

  /** `days`: how many days before online submission closes the hourly series covers. */
  async get(callId: string, days: number) {
    const call = await this.calls.require(callId);
    const { parameters } = call;
    const caps: (StreamCap & { label: string })[] = TOPICS.flatMap((topic) =>
      (topic === 1 ? DIRECTIONS : [undefined]).flatMap((direction) => {
        const terms = streamOf(parameters, topic, direction);
        return terms?.open.value
          ? [{ topic, direction: direction ?? null, cap: terms.funding.value.cap, label: terms.label }]
          : [];
      }),
    );
    // Whole hours, so that each bar is a clock hour in Beijing time too (UTC+8 is a whole number of hours).
    const closes = call.row.submissionClosesAt.getTime();
    const to = Math.ceil(closes / HOUR_MS) * HOUR_MS;
    const from = Math.floor((closes - days * 24 * HOUR_MS) / HOUR_MS) * HOUR_MS;
    const dashboard = this.repos.dashboard;
    const [byStatus, byTopic, byDepartment, byCountry, funding, perHour] = await Promise.all([
      dashboard.byStatus(callId),
      dashboard.byTopic(callId),
      dashboard.byDepartment(callId),
      dashboard.byCountry(callId),
      dashboard.funding(callId, caps),
      dashboard.submissionsByHour(callId, new Date(from), new Date(to)),
    ]);
    const counted = new Map(perHour.map((h) => [h.hour, h.count]));
    const hours = Array.from({ length: (to - from) / HOUR_MS }, (_, i) => from + i * HOUR_MS);
    return {
      call,
      byStatus,
      byTopic,
      byDepartment,
      byCountry,
      funding: caps.map((stream) => {
        const row = funding.find((f) => f.topic === stream.topic && f.direction === stream.direction);
        const none = { count: 0, sum: 0, min: 0, q1: 0, median: 0, q3: 0, max: 0, overCap: 0 };
        return { ...(row ?? none), ...stream };
      }),
      submissions: {
        from: new Date(from),
        to: new Date(to),
        closesAt: call.row.submissionClosesAt,
        hours: hours.map((hour) => ({ hour: new Date(hour), count: counted.get(hour) ?? 0 })),
      },
    };
  }
}
