import type { TopicNumber } from '../../core/bundle/schema.js';
import { toBeijingIso } from '../../core/time.js';
import type { DashboardDto } from '../../contract/dashboard.js';
import type { Dashboard } from '../services/dashboard.js';

const iso = (date: Date) => toBeijingIso(date.getTime());

export function presentDashboard(d: Dashboard): DashboardDto {
  return {
    call: { id: d.call.row.id, name: d.call.row.name },
    byStatus: d.byStatus,
    byTopic: d.byTopic.map((t) => ({ ...t, topic: t.topic as TopicNumber })),
    byDepartment: d.byDepartment,
    byCountry: d.byCountry,
    funding: d.funding,
    submissions: {
      from: iso(d.submissions.from),
      to: iso(d.submissions.to),
      closesAt: iso(d.submissions.closesAt),
      hours: d.submissions.hours.map((h) => ({ hour: iso(h.hour), count: h.count })),
    },
  };
}
