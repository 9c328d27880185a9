import { TOPIC_LABELS } from '../../core/labels.js';
import type { TopicNumber } from '../../core/bundle/schema.js';
import { countryName } from '../../core/reference/countries.js';
import { toBeijingIso } from '../../core/time.js';
import type { AnnouncementEntry } from '../db/schema.js';
import type { AnnouncementRow, ProvinceRow } from '../repositories/decisions.js';
import type { ProvinceItem } from '../services/formal-review.js';
import { reasonOf } from '../services/formal-review.js';

// The province's views of its 形式审查, 立项决定 and 公示, and the public's view of a 公示.

const iso = (at: Date) => toBeijingIso(at.getTime());

export function presentProvinceApplication(row: ProvinceRow) {
  const a = row.application;
  return {
    id: a.id,
    acceptanceNo: a.acceptanceNo,
    title: a.form.title ?? '',
    topic: a.topic as TopicNumber,
    direction: a.direction,
    organizationName: row.organizationName,
    piName: row.piName,
    departmentName: row.departmentName,
    requestedFunding: a.form.budget?.provincialFunding ?? 0,
  };
}

export function presentFormalReviewItem({ row, findings }: ProvinceItem) {
  return {
    application: presentProvinceApplication(row),
    suggestedReasons: findings.filter((f) => f.severity === 'error').map(reasonOf),
    warnings: findings.filter((f) => f.severity === 'warning'),
    review: row.review
      ? {
          result: row.review.result,
          reasons: row.review.reasons,
          reviewedAt: iso(row.review.reviewedAt),
          reviewerName: row.reviewerName,
        }
      : null,
    decided: row.decision !== null,
  };
}

export function presentAnnouncement(row: AnnouncementRow, entryCount: number) {
  return {
    id: row.id,
    callId: row.callId,
    title: row.title,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    publishedAt: row.publishedAt ? iso(row.publishedAt) : null,
    entryCount,
  };
}

/** Only the published fields: never an ID number, a contact or an internal id. */
export function presentEntry(entry: AnnouncementEntry) {
  return {
    acceptanceNo: entry.acceptanceNo,
    title: entry.title,
    organizationName: entry.organizationName,
    piName: entry.piName,
    topic: entry.topic,
    topicLabel: TOPIC_LABELS[entry.topic as TopicNumber],
    partnerCountry: entry.partnerCountry,
    partnerCountryName: entry.partnerCountry ? countryName(entry.partnerCountry) : null,
    funding: entry.funding,
  };
}
