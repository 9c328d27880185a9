import { groupBy } from '../../core/group-by.js';
import { addWorkingDays } from '../../core/reference/working-days.js';
import { beijingDate, formatChineseDate } from '../../core/time.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { AnnouncementEntry } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { AnnouncementRow } from '../repositories/decisions.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { CallParameters } from '../../core/calls/parameters.js';
import type { AnnouncementBody } from '../../contract/announcements.js';
import type { CallService, CallView } from './calls.js';
import type { ProvinceUser } from './formal-review.js';
import {
  approvedMessage,
  departmentAnnouncementMessage,
  notApprovedMessage,
} from './notifications/messages.js';
import { notify } from './notifications/notify.js';

// 拟立项项目公示 (三、2 2026 年拟立项目将在江苏数字科技平台公示): a draft lists the call's approved projects not yet
// published; publishing freezes that list with its period and locks every decision of the call made so far.
// The public sees published ones only, without signing in.

/** 公示期: five working days (`core/reference/working-days.ts`) unless the province chooses the dates. */
export const DEFAULT_PERIOD_WORKING_DAYS = 5;

/** What the public reads: a 公示 with its period, publication and entries set, and the call it is under. */
export interface PublicAnnouncement {
  row: AnnouncementRow;
  call: CallParameters;
  /** 受理编号 of the entries whose approval an upheld objection revoked since publication. */
  revoked: string[];
  /** Whether objections are taken online today (Beijing date within the period). */
  objectionsOpen: boolean;
}

/** The period a draft takes when published on `today`: its own dates, or the default from `today`. */
function periodOf(row: AnnouncementRow, today: string): { startsOn: string; endsOn: string } {
  const startsOn = row.startsOn ?? today;
  return { startsOn, endsOn: row.endsOn ?? addWorkingDays(startsOn, DEFAULT_PERIOD_WORKING_DAYS) };
}

export interface AnnouncementDetail {
  announcement: AnnouncementRow;
  entries: AnnouncementEntry[];
}

/**
 * Tells the approved projects' organisations and PIs, and their departments, when the 公示 listing them is
 * published; projects not approved only if the call releases feedback (三、2 未立项项目不再另行通知).
 */
async function notifyPublished(
  repos: Repositories,
  call: CallView,
  period: { startsOn: string; endsOn: string },
  announcementId: string,
): Promise<void> {
  const decided = (await repos.decisions.recommended(call.row.id)).filter(
    (r) => r.decision?.outcome && r.decision.announcementId === null,
  );
  const approved = decided.filter((r) => r.decision!.outcome === 'approved');
  for (const r of approved) {
    await notify(
      repos,
      { organizationAdminIds: [r.application.organizationId], personIds: [r.application.piId] },
      {
        kind: 'decision.approved',
        ...approvedMessage({
          title: r.application.form.title,
          organizationName: r.organizationName,
          callName: call.row.name,
          funding: r.decision!.funding!,
          ...period,
        }),
        key: `approved:${r.application.id}:${announcementId}`,
      },
    );
  }
  for (const [departmentId, rows] of groupBy(approved, (r) => r.application.departmentId)) {
    await notify(
      repos,
      { departmentIds: [departmentId] },
      {
        kind: 'announcement.published',
        ...departmentAnnouncementMessage({
          callName: call.row.name,
          projects: rows.map((r) => ({
            title: r.application.form.title ?? '',
            organizationName: r.organizationName,
            funding: r.decision!.funding!,
          })),
          ...period,
        }),
        key: `announced:${announcementId}:${departmentId}`,
      },
    );
  }
  if (!call.parameters.releasedFeedback.value) return;
  for (const r of decided.filter((d) => d.decision!.outcome === 'rejected')) {
    await notify(
      repos,
      { organizationAdminIds: [r.application.organizationId], personIds: [r.application.piId] },
      {
        kind: 'decision.not-approved',
        ...notApprovedMessage({ title: r.application.form.title, callName: call.row.name }),
        key: `not-approved:${r.application.id}:${announcementId}`,
      },
    );
  }
}

export class AnnouncementService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  async list(_actor: ProvinceUser, callId: string | undefined): Promise<AnnouncementDetail[]> {
    const rows = await this.repos.decisions.announcements(callId);
    return Promise.all(rows.map((row) => this.detailOf(this.repos, row)));
  }

  async get(_actor: ProvinceUser, id: string): Promise<AnnouncementDetail> {
    const row = await this.repos.decisions.announcement(id);
    if (!row) throw new AppError('NOT_FOUND');
    return this.detailOf(this.repos, row);
  }

  async create(actor: ProvinceUser, body: AnnouncementBody): Promise<AnnouncementDetail> {
    const call = await this.calls.require(body.callId);
    const row = await inTransaction(this.db, async (repos) => {
      // A draft lists every approved project not yet published: a second draft would claim the same ones.
      await repos.decisions.lockCall(call.row.id);
      const draft = (await repos.decisions.announcements(call.row.id)).find((a) => a.publishedAt === null);
      if (draft) {
        throw new AppError('ANNOUNCEMENT_DRAFT_EXISTS', {
          message: `${call.row.name}已有未发布的公示草稿“${draft.title}”，它已列出全部待公示项目；一个项目只能列入一份公示。请修改或发布该草稿，或删除后再新建`,
        });
      }
      const now = this.clock.now();
      const inserted = await repos.decisions.insertAnnouncement({
        callId: call.row.id,
        title: body.title ?? `${call.row.name}拟立项项目公示`,
        startsOn: body.startsOn ?? null,
        endsOn: body.endsOn ?? null,
        createdAt: now,
        createdBy: actor.userId,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'announcement.created',
        entityType: 'announcement',
        entityId: inserted.id,
        before: null,
        after: {
          callId: inserted.callId,
          title: inserted.title,
          startsOn: inserted.startsOn,
          endsOn: inserted.endsOn,
        },
      });
      return inserted;
    });
    return this.detailOf(this.repos, row);
  }

  /** Publishes the draft: its entries are the approved projects not yet published, frozen as they stand now. */
  async publish(actor: ProvinceUser, id: string): Promise<AnnouncementDetail> {
    const draft = await this.repos.decisions.announcement(id);
    if (!draft) throw new AppError('NOT_FOUND');
    const call = await this.calls.require(draft.callId);
    await inTransaction(this.db, async (repos) => {
      await repos.decisions.lockCall(draft.callId);
      const row = (await repos.decisions.lockAnnouncement(id))!;
      if (row.publishedAt) throw new AppError('STATUS_CONFLICT', { message: '该公示已发布' });
      const now = this.clock.now();
      const today = beijingDate(now.getTime());
      const { startsOn, endsOn } = periodOf(row, today);
      if (startsOn < today) {
        throw AppError.invalidField(
          'startsOn',
          `公示开始日期 ${formatChineseDate(startsOn)} 已过，请删除本公示草稿后重新创建（或不填日期，默认自发布之日起 ${DEFAULT_PERIOD_WORKING_DAYS} 个工作日）`,
        );
      }
      const entries = await this.pendingEntries(repos, row.callId);
      if (entries.length === 0) {
        throw new AppError('STATUS_CONFLICT', { message: '没有待公示的立项项目：请先作出立项决定' });
      }
      await repos.decisions.publish(id, {
        startsOn,
        endsOn,
        publishedAt: now,
        publishedBy: actor.userId,
        entries,
      });
      const approved = await repos.decisions.unpublishedApprovals(row.callId);
      await notifyPublished(repos, call, { startsOn, endsOn }, id);
      await repos.decisions.lockDecisions(row.callId, id);
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'announcement.published',
        entityType: 'announcement',
        entityId: id,
        before: { publishedAt: null },
        after: { startsOn, endsOn, entries },
      });
      for (const decision of approved) {
        await repos.applications.addEvent({
          applicationId: decision.applicationId,
          at: now,
          actorUserId: actor.userId,
          kind: 'announced',
          detail: { announcementId: id, title: row.title, startsOn, endsOn, funding: decision.funding },
        });
      }
    });
    return this.get(actor, id);
  }

  /** Deletes a draft; a published 公示 stays. */
  async remove(actor: ProvinceUser, id: string): Promise<void> {
    await inTransaction(this.db, async (repos) => {
      const row = await repos.decisions.lockAnnouncement(id);
      if (!row) throw new AppError('NOT_FOUND');
      if (row.publishedAt) throw new AppError('STATUS_CONFLICT', { message: '已发布的公示不能删除' });
      await repos.decisions.deleteAnnouncement(id);
      await repos.audit.append({
        at: this.clock.now(),
        actorUserId: actor.userId,
        action: 'announcement.deleted',
        entityType: 'announcement',
        entityId: id,
        before: { callId: row.callId, title: row.title, startsOn: row.startsOn, endsOn: row.endsOn },
        after: null,
      });
    });
  }

  /** Published 公示, newest first: all anyone may see. */
  published(): Promise<AnnouncementRow[]> {
    return this.repos.decisions.published();
  }

  async publishedOne(id: string): Promise<PublicAnnouncement> {
    const row = await this.repos.decisions.announcement(id);
    if (!row?.publishedAt) throw new AppError('NOT_FOUND');
    const today = beijingDate(this.clock.now().getTime());
    return {
      row,
      call: (await this.calls.require(row.callId)).parameters,
      revoked: await this.repos.objections.revokedIn(id),
      objectionsOpen: row.startsOn! <= today && today <= row.endsOn!,
    };
  }

  /** What the public would read of the 公示 were it published now (a published one: what it reads). */
  async preview(_actor: ProvinceUser, id: string): Promise<PublicAnnouncement> {
    const row = await this.repos.decisions.announcement(id);
    if (!row) throw new AppError('NOT_FOUND');
    const call = (await this.calls.require(row.callId)).parameters;
    if (row.publishedAt) return this.publishedOne(id);
    const now = this.clock.now();
    const today = beijingDate(now.getTime());
    const entries = await this.pendingEntries(this.repos, row.callId);
    const period = periodOf(row, today);
    return {
      row: { ...row, ...period, publishedAt: now, entries },
      call,
      revoked: [],
      objectionsOpen: period.startsOn <= today && today <= period.endsOn,
    };
  }

  private async detailOf(repos: Repositories, row: AnnouncementRow): Promise<AnnouncementDetail> {
    return { announcement: row, entries: row.entries ?? (await this.pendingEntries(repos, row.callId)) };
  }

  private async pendingEntries(repos: Repositories, callId: string): Promise<AnnouncementEntry[]> {
    const approved = await repos.decisions.unpublishedApprovals(callId);
    if (approved.length === 0) return [];
    const funding = new Map(approved.map((d) => [d.applicationId, d.funding!]));
    const rows = await repos.decisions.recommended(callId, [...funding.keys()]);
    return rows.map(({ application, organizationName, piName }) => ({
      acceptanceNo: application.acceptanceNo ?? '',
      title: application.form.title ?? '',
      organizationName,
      piName,
      topic: application.topic,
      partnerCountry: application.form.partner?.country ?? null,
      funding: funding.get(application.id)!,
    }));
  }
}
