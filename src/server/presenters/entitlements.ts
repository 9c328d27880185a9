import type { Direction, TopicNumber } from '../../core/bundle/schema.js';
import { PLATFORM_LABELS } from '../../core/labels.js';
import { toBeijingIso } from '../../core/time.js';
import type {
  DirectedOverviewDto,
  MyEntitlementsDto,
  OrganizationSummaryDto,
  PlatformRecordDto,
} from '../../contract/entitlements.js';
import type { OrganizationPlatformRow, OrganizationSummary } from '../repositories/entitlements.js';
import type { DirectedOverview } from '../services/entitlements.js';

export function presentOrganizationSummary(o: OrganizationSummary): OrganizationSummaryDto {
  return { id: o.id, name: o.name, creditCode: o.creditCode, kind: o.kind, departmentName: o.departmentName };
}

export function presentPlatform(p: OrganizationPlatformRow): PlatformRecordDto {
  return {
    id: p.id,
    platform: p.platform,
    label: PLATFORM_LABELS[p.platform],
    validFrom: p.validFrom,
    validTo: p.validTo,
    note: p.note,
    evidenceName: p.evidenceName,
    createdAt: toBeijingIso(p.createdAt.getTime()),
  };
}

const streamOf = (row: { topic: number; direction: Direction | null }) => ({
  topic: row.topic as TopicNumber,
  direction: row.direction,
});

export function presentDirectedOverview(overview: DirectedOverview): DirectedOverviewDto {
  const labelOf = (topic: number, direction: Direction | null) =>
    overview.streams.find((s) => s.topic === topic && s.direction === direction)?.label ?? '';
  return {
    streams: overview.streams,
    invitations: overview.invitations.map((i) => ({
      id: i.id,
      ...streamOf(i),
      streamLabel: labelOf(i.topic, i.direction),
      organization: presentOrganizationSummary(i.organization),
      note: i.note,
      createdAt: toBeijingIso(i.createdAt.getTime()),
    })),
    marked: {
      topic: overview.marked.topic as TopicNumber,
      applications: overview.marked.applications.map((a) => ({
        id: a.id,
        title: a.title,
        status: a.status,
        directed: a.directed,
        organizationName: a.organizationName,
        piName: a.piName,
        mark: a.mark
          ? {
              note: a.mark.note,
              evidenceName: a.mark.evidenceName,
              createdAt: toBeijingIso(a.mark.createdAt.getTime()),
            }
          : null,
      })),
    },
  };
}

export function presentMyEntitlements(mine: {
  organization: OrganizationSummary;
  platforms: OrganizationPlatformRow[];
  invitations: { callId: string; topic: number; direction: Direction | null }[];
}): MyEntitlementsDto {
  return {
    organization: presentOrganizationSummary(mine.organization),
    platforms: mine.platforms.map(presentPlatform),
    invitations: mine.invitations.map((i) => ({ callId: i.callId, ...streamOf(i) })),
  };
}
