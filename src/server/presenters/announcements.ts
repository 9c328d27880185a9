import type { TopicNumber } from '../../core/bundle/schema.js';
import { TOPIC_LABELS } from '../../core/labels.js';
import { countryName } from '../../core/reference/countries.js';
import { toBeijingIso } from '../../core/time.js';
import type {
  AnnouncementDetailView,
  AnnouncementEntryView,
  AnnouncementView,
} from '../../contract/announcements.js';
import type { PublicAnnouncementDetail, PublicAnnouncementView } from '../../contract/public.js';
import type { AnnouncementEntry } from '../db/schema.js';
import type { AnnouncementRow } from '../repositories/decisions.js';
import type { AnnouncementDetail, PublicAnnouncement } from '../services/announcements.js';

// 公示: the province's drafts and publications, and what the public reads of a published one.

export function presentAnnouncement(row: AnnouncementRow, entryCount: number): AnnouncementView {
  return {
    id: row.id,
    callId: row.callId,
    title: row.title,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    publishedAt: row.publishedAt ? toBeijingIso(row.publishedAt.getTime()) : null,
    entryCount,
  };
}

/** Only the published fields: never an ID number, a contact or an internal id. */
export function presentEntry(entry: AnnouncementEntry): AnnouncementEntryView {
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

export function presentAnnouncementDetail({
  announcement,
  entries,
}: AnnouncementDetail): AnnouncementDetailView {
  return {
    announcement: presentAnnouncement(announcement, entries.length),
    entries: entries.map(presentEntry),
  };
}

/** A published 公示: its period and publication are set, and it lists what was frozen at publication. */
export function presentPublicAnnouncement(row: AnnouncementRow): PublicAnnouncementView {
  const view = presentAnnouncement(row, row.entries?.length ?? 0);
  return { ...view, startsOn: row.startsOn!, endsOn: row.endsOn!, publishedAt: view.publishedAt! };
}

export function presentPublishedAnnouncement({
  row,
  call,
  revoked,
  objectionsOpen,
}: PublicAnnouncement): PublicAnnouncementDetail {
  return {
    announcement: presentPublicAnnouncement(row),
    entries: (row.entries ?? []).map(presentEntry),
    contacts: call.contacts.map(({ value, clause }) => ({
      unit: value.unit,
      people: [...value.people],
      phones: [...value.phones],
      address: value.address?.value ?? null,
      source: [`${call.notice.number.value}${clause}`, value.address && `地址见${value.address.clause}`]
        .filter(Boolean)
        .join('，'),
    })),
    revokedAcceptanceNos: revoked,
    objectionsOpen,
  };
}
