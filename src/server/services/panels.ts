import type { TopicNumber } from '../../core/bundle/schema.js';
import { type Aggregate, aggregate } from '../../core/experts/aggregation.js';
import { normalise, type Normalisation } from '../../core/experts/normalisation.js';
import { weightedTotal } from '../../core/experts/scoring-forms.js';
import { fundingOverLimit, type FundingLimit } from '../../core/decisions/funding-limit.js';
import { groupBy } from '../../core/group-by.js';
import { minutesDocument, type MinutesInput } from '../../core/panels/minutes.js';
import { amountProblem, tally, type PanelVote, type VoteTally } from '../../core/panels/record.js';
import { toBeijingIso } from '../../core/time.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { printBlockDocuments } from '../io/print/index.js';
import type { PrincipalOf } from '../principal.js';
import type { ProvinceRow } from '../repositories/decisions.js';
import type { ExpertReviewApplication } from '../repositories/experts.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { PanelItemRow, PanelMeetingRow, PanelMember, PanelVoteRow } from '../repositories/panels.js';
import type { CreatePanelBody, PanelRecordBody, PanelVoteBody } from '../../contract/panels.js';
import type { CallService, CallView } from './calls.js';
import { limitOf } from './decisions.js';
import { panelConvenedMessage } from './notifications/messages.js';
import { notify } from './notifications/notify.js';
import { formsInUse } from './scoring-forms.js';

// 会评 (issue 14 §5). The province's 项目管理中心 sets up a meeting of experts who accepted an invitation to a
// round of the call, with a chair among them and applications 受理 on the agenda, each beside its 函评 results;
// during the meeting it records per item the discussion, each member's vote or a consensus score, and the
// recommendation with a proposed amount (within the stream's cap and the amount requested). Every write names
// the version it read and a stale one is refused, so that no vote is lost; votes are rows per member, so two
// secretaries recording different members at once both land. The chair signs the minutes off in the system,
// which freezes the record; the minutes print as a PDF. The 函评's totals are also normalised per expert.

type Province = PrincipalOf<'province'>;
type ExpertUser = PrincipalOf<'expert'>;

/** One application's 函评: its submitted totals by expert, and their aggregate. */
export interface LetterResult {
  application: ExpertReviewApplication;
  totals: { expertId: string; expertName: string; organizationName: string; total: number }[];
  aggregate: Aggregate;
}

export interface PanelItem {
  item: PanelItemRow;
  row: ProvinceRow;
  limit: FundingLimit | null;
  letter: Aggregate;
  votes: PanelVoteRow[];
  tally: VoteTally;
}

export interface PanelDetail {
  call: CallView;
  meeting: PanelMeetingRow;
  chair: PanelMember;
  signer: PanelMember | null;
  members: PanelMember[];
  items: PanelItem[];
}

export interface PanelSummary {
  meeting: PanelMeetingRow;
  chairName: string;
  members: number;
  items: number;
}

export interface NormalisedCall {
  call: CallView;
  thresholdZ: number;
  result: Normalisation;
  experts: Map<string, { name: string; organizationName: string }>;
  applications: Map<string, ExpertReviewApplication>;
}

/** 函评 and 会评 of one application, for the decision page. */
export interface PanelComparison {
  letter: {
    count: number;
    mean: number | null;
    rawRank: number | null;
    meanZ: number | null;
    normalisedRank: number | null;
    ranked: number;
  } | null;
  meeting: {
    meeting: PanelMeetingRow;
    item: PanelItemRow;
    tally: VoteTally;
  } | null;
}

const iso = (at: Date) => toBeijingIso(at.getTime());

/** What the audit log keeps of an item's record. */
const auditedRecord = (i: PanelItemRow) => ({
  applicationId: i.applicationId,
  notes: i.notes,
  consensusScore: i.consensusScore,
  recommendation: i.recommendation,
  proposedFunding: i.proposedFunding,
  version: i.version,
});

/** Accepted (受理) and still recommended: what the decisions and experts read as reviewable. */
const accepted = (r: ProvinceRow) =>
  r.review?.result === 'accepted' && r.application.status === 'recommended';

export class PanelService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  /** The call's meetings, latest first. */
  async list(_actor: Province, callId: string): Promise<PanelSummary[]> {
    await this.calls.require(callId);
    return this.summaries(this.repos, { callId });
  }

  /** The meetings the expert chairs. */
  async chaired(actor: ExpertUser): Promise<PanelSummary[]> {
    const expert = await this.repos.experts.findByUser(actor.userId);
    if (!expert) return [];
    return this.summaries(this.repos, { chairExpertId: expert.id });
  }

  /** Who may sit on a meeting of the call, and what may be on its agenda. */
  async candidates(_actor: Province, callId: string) {
    await this.calls.require(callId);
    const [experts, letters] = await Promise.all([
      this.repos.panels.acceptedExperts(callId),
      this.letterResults(this.repos, callId),
    ]);
    return { experts, applications: letters };
  }

  async create(actor: Province, body: CreatePanelBody): Promise<PanelDetail> {
    const call = await this.calls.require(body.callId);
    const id = await inTransaction(this.db, async (repos) => {
      if (!body.memberIds.includes(body.chairExpertId)) {
        throw AppError.invalidField('chairExpertId', '会议主持人须是参会专家之一');
      }
      const eligible = new Set(
        (await repos.panels.acceptedExperts(call.row.id, body.memberIds)).map((e) => e.id),
      );
      const refused = body.memberIds.filter((id) => !eligible.has(id));
      if (refused.length > 0) {
        const named = await repos.experts.list(refused);
        const names = named.map((e) => e.name);
        throw AppError.invalidField(
          'memberIds',
          names.length > 0
            ? `${names.join('、')}未接受本计划任一评审轮次的邀请，不能作为会评专家`
            : '所选专家不在专家库中',
        );
      }
      const rows = new Map(
        (await repos.decisions.recommended(call.row.id, body.applicationIds))
          .filter(accepted)
          .map((r) => [r.application.id, r]),
      );
      if (body.applicationIds.some((a) => !rows.has(a))) {
        throw AppError.invalidField('applicationIds', '只有本计划形式审查受理的项目才能列入会评议程');
      }
      const now = this.clock.now();
      const meeting = await repos.panels.insertMeeting(
        {
          callId: call.row.id,
          title: body.title,
          startsAt: new Date(body.startsAt),
          place: body.place,
          onlineLink: body.onlineLink,
          chairExpertId: body.chairExpertId,
          createdAt: now,
          createdBy: actor.userId,
        },
        body.memberIds,
        body.applicationIds,
      );
      const members = await repos.panels.members(meeting.id);
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'panel.created',
        entityType: 'panel-meeting',
        entityId: meeting.id,
        after: {
          title: meeting.title,
          startsAt: iso(meeting.startsAt),
          place: meeting.place,
          onlineLink: meeting.onlineLink,
          members: members.map((m) => m.name),
          chair: members.find((m) => m.expertId === meeting.chairExpertId)!.name,
          agenda: body.applicationIds.map((a) => rows.get(a)!.application.form.title ?? ''),
        },
      });
      for (const chair of [true, false]) {
        await notify(
          repos,
          {
            userIds: members
              .filter((m) => (m.expertId === meeting.chairExpertId) === chair)
              .map((m) => m.userId),
          },
          {
            kind: 'panel.convened',
            ...panelConvenedMessage({
              title: meeting.title,
              startsAt: meeting.startsAt,
              place: meeting.place,
              onlineLink: meeting.onlineLink,
              projects: body.applicationIds.length,
              chair,
            }),
            key: `panel:${meeting.id}`,
          },
        );
      }
      return meeting.id;
    });
    return this.detail(this.repos, id);
  }

  async get(_actor: Province, id: string): Promise<PanelDetail> {
    return this.detail(this.repos, id);
  }

  /** The meeting as its chair reads it; any other expert is answered as for a missing one. */
  async forChair(actor: ExpertUser, id: string): Promise<PanelDetail> {
    await this.chairOf(this.repos, actor, id);
    return this.detail(this.repos, id);
  }

  /** Saves an item's record at the version the writer read. */
  async saveRecord(
    actor: Province,
    meetingId: string,
    itemId: string,
    body: PanelRecordBody,
  ): Promise<PanelItem> {
    const problem = amountProblem(body.recommendation, body.proposedFunding);
    if (problem) throw AppError.invalidField('proposedFunding', problem);
    const found = await this.repos.panels.meeting(meetingId);
    if (!found) throw new AppError('NOT_FOUND');
    const call = await this.calls.require(found.callId);
    await inTransaction(this.db, async (repos) => {
      const { meeting, item } = await this.writable(repos, meetingId, itemId);
      if (body.proposedFunding !== null) {
        const [row] = await repos.decisions.recommended(meeting.callId, [item.applicationId]);
        const limit = row ? limitOf(call, row) : null;
        const refusal = limit && fundingOverLimit(body.proposedFunding, limit);
        if (refusal) {
          throw new AppError('FUNDING_OVER_CAP', {
            message: refusal.replace('立项资助经费', '建议资助经费'),
            fields: [{ path: 'proposedFunding', message: refusal.replace('立项资助经费', '建议资助经费') }],
          });
        }
      }
      const now = this.clock.now();
      const saved = await repos.panels.saveRecord(
        itemId,
        body.version,
        {
          notes: body.notes,
          consensusScore: body.consensusScore,
          recommendation: body.recommendation,
          proposedFunding: body.proposedFunding,
        },
        now,
        actor.userId,
      );
      if (!saved) throw new AppError('PANEL_RECORD_STALE');
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'panel.record-saved',
        entityType: 'panel-item',
        entityId: itemId,
        before: auditedRecord(item),
        after: auditedRecord(saved),
      });
    });
    return this.item(meetingId, itemId);
  }

  /** Records one member's vote at the version of their vote the writer read (0: none yet). */
  async vote(
    actor: Province,
    meetingId: string,
    itemId: string,
    expertId: string,
    body: PanelVoteBody,
  ): Promise<PanelItem> {
    await inTransaction(this.db, async (repos) => {
      const { item } = await this.writable(repos, meetingId, itemId);
      const member = (await repos.panels.members(meetingId)).find((m) => m.expertId === expertId);
      if (!member) throw new AppError('NOT_FOUND');
      const previous = await repos.panels.vote(itemId, expertId);
      const now = this.clock.now();
      const saved = await repos.panels.saveVote(
        { itemId, expertId, vote: body.vote, recordedAt: now, recordedBy: actor.userId },
        body.version,
      );
      if (!saved) throw new AppError('PANEL_RECORD_STALE');
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'panel.vote-recorded',
        entityType: 'panel-item',
        entityId: itemId,
        before: previous ? { member: member.name, vote: previous.vote } : null,
        after: { applicationId: item.applicationId, member: member.name, vote: saved.vote },
      });
    });
    return this.item(meetingId, itemId);
  }

  /** The chair signs the minutes off: every item must have a recommendation; the record is frozen after. */
  async signOff(actor: ExpertUser, id: string): Promise<PanelDetail> {
    await inTransaction(this.db, async (repos) => {
      const expert = await repos.experts.findByUser(actor.userId);
      const meeting = await repos.panels.lockMeeting(id, 'update');
      if (!expert || !meeting || meeting.chairExpertId !== expert.id) throw new AppError('NOT_FOUND');
      if (meeting.signedOffAt) throw new AppError('PANEL_SIGNED_OFF');
      const items = await repos.panels.items(id);
      const open = items.flatMap((item, i) => (item.recommendation === null ? [i + 1] : []));
      if (open.length > 0) {
        throw new AppError('STATUS_CONFLICT', {
          message: `第 ${open.join('、')} 项尚未形成会评建议，请会务人员记录后再签署纪要`,
        });
      }
      const now = this.clock.now();
      await repos.panels.signOff(id, now, actor.userId);
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'panel.signed-off',
        entityType: 'panel-meeting',
        entityId: id,
        before: { signedOffAt: null },
        after: { signedOffAt: iso(now), chair: expert.name },
      });
    });
    return this.detail(this.repos, id);
  }

  /** The minutes as a PDF: the province any meeting's, an expert only a meeting they chair. */
  async minutes(actor: Province | ExpertUser, id: string): Promise<{ fileName: string; body: Buffer }> {
    if (actor.role === 'expert') await this.chairOf(this.repos, actor, id);
    const detail = await this.detail(this.repos, id);
    const names = new Map(detail.members.map((m) => [m.expertId, m.name]));
    const input: MinutesInput = {
      callName: detail.call.row.name,
      title: detail.meeting.title,
      startsAt: detail.meeting.startsAt,
      place: detail.meeting.place,
      onlineLink: detail.meeting.onlineLink,
      members: detail.members.map((m) => ({
        name: m.name,
        organizationName: m.organizationName,
        title: m.title,
        chair: m.expertId === detail.meeting.chairExpertId,
      })),
      items: detail.items.map((i) => ({
        acceptanceNo: i.row.application.acceptanceNo,
        title: i.row.application.form.title ?? '',
        organizationName: i.row.organizationName,
        letter: { count: i.letter.count, mean: i.letter.mean, spread: i.letter.spread },
        votes: detail.members.flatMap((m) => {
          const v = i.votes.find((x) => x.expertId === m.expertId);
          return v ? [{ name: names.get(m.expertId)!, vote: v.vote }] : [];
        }),
        tally: i.tally,
        consensusScore: i.item.consensusScore,
        recommendation: i.item.recommendation,
        proposedFunding: i.item.proposedFunding,
        notes: i.item.notes,
      })),
      signedOff:
        detail.meeting.signedOffAt && detail.signer
          ? { name: detail.signer.name, at: detail.meeting.signedOffAt }
          : null,
      generatedAt: this.clock.now(),
    };
    const footer = `${detail.meeting.title}会议纪要    ${detail.meeting.signedOffAt ? '主持人已签署' : '未签署'}`;
    const body = await printBlockDocuments(
      [minutesDocument(input)],
      footer,
      `${detail.meeting.title}会议纪要`,
    );
    return { fileName: `${detail.meeting.title}会议纪要.pdf`, body };
  }

  /** The 函评's totals of the call normalised per expert. */
  async normalisation(_actor: Province, callId: string): Promise<NormalisedCall> {
    const call = await this.calls.require(callId);
    return this.normalised(this.repos, call);
  }

  /** Per application of the call: its 函评 (raw and normalised rank) and its latest 会评 record. */
  async comparisons(callId: string): Promise<Map<string, PanelComparison>> {
    const call = await this.calls.require(callId);
    const [normalised, items] = await Promise.all([
      this.normalised(this.repos, call),
      this.repos.panels.itemsOfCall(callId),
    ]);
    const ranked = normalised.result.applications.length;
    const letters = new Map(normalised.result.applications.map((a) => [a.applicationId, a]));
    const latest = new Map<string, (typeof items)[number]>();
    for (const row of items) if (!latest.has(row.item.applicationId)) latest.set(row.item.applicationId, row);
    const counts = new Map<string, number>();
    await Promise.all(
      [...new Set([...latest.values()].map((r) => r.meeting.id))].map(async (meetingId) => {
        counts.set(meetingId, (await this.repos.panels.members(meetingId)).length);
      }),
    );
    const votes = groupBy(
      await this.repos.panels.votes([...latest.values()].map((r) => r.item.id)),
      (v) => v.itemId,
    );
    const out = new Map<string, PanelComparison>();
    for (const id of new Set([...letters.keys(), ...latest.keys()])) {
      const l = letters.get(id);
      const m = latest.get(id);
      out.set(id, {
        letter: l
          ? {
              count: l.count,
              mean: l.rawMean,
              rawRank: l.rawRank,
              meanZ: l.meanZ,
              normalisedRank: l.normalisedRank,
              ranked,
            }
          : null,
        meeting: m
          ? {
              meeting: m.meeting,
              item: m.item,
              tally: tally(
                (votes.get(m.item.id) ?? []).map((v) => v.vote),
                counts.get(m.meeting.id) ?? 0,
              ),
            }
          : null,
      });
    }
    return out;
  }

  private async summaries(
    repos: Repositories,
    filter: { callId?: string; chairExpertId?: string },
  ): Promise<PanelSummary[]> {
    const rows = await repos.panels.meetings(filter);
    const chairs = new Map(
      (await repos.experts.list([...new Set(rows.map((r) => r.meeting.chairExpertId))])).map((e) => [
        e.id,
        e.name,
      ]),
    );
    return rows.map((r) => ({
      meeting: r.meeting,
      chairName: chairs.get(r.meeting.chairExpertId) ?? '',
      members: r.members,
      items: r.items,
    }));
  }

  private async chairOf(repos: Repositories, actor: ExpertUser, id: string): Promise<PanelMeetingRow> {
    const [expert, meeting] = await Promise.all([
      repos.experts.findByUser(actor.userId),
      repos.panels.meeting(id),
    ]);
    if (!expert || !meeting || meeting.chairExpertId !== expert.id) throw new AppError('NOT_FOUND');
    return meeting;
  }

  /** The meeting held against sign-off, and the item; refused once signed off. */
  private async writable(repos: Repositories, meetingId: string, itemId: string) {
    const meeting = await repos.panels.lockMeeting(meetingId, 'share');
    if (!meeting) throw new AppError('NOT_FOUND');
    if (meeting.signedOffAt) throw new AppError('PANEL_SIGNED_OFF');
    const item = await repos.panels.item(meetingId, itemId);
    if (!item) throw new AppError('NOT_FOUND');
    return { meeting, item };
  }

  private async item(meetingId: string, itemId: string): Promise<PanelItem> {
    const detail = await this.detail(this.repos, meetingId);
    return detail.items.find((i) => i.item.id === itemId)!;
  }

  private async detail(repos: Repositories, id: string): Promise<PanelDetail> {
    const meeting = await repos.panels.meeting(id);
    if (!meeting) throw new AppError('NOT_FOUND');
    const call = await this.calls.require(meeting.callId);
    const [members, items] = await Promise.all([repos.panels.members(id), repos.panels.items(id)]);
    const applicationIds = items.map((i) => i.applicationId);
    const [rows, votes, letters] = await Promise.all([
      repos.decisions.recommended(meeting.callId, applicationIds),
      repos.panels.votes(items.map((i) => i.id)),
      this.letterResults(repos, meeting.callId, applicationIds),
    ]);
    const byId = new Map(rows.map((r) => [r.application.id, r]));
    const byItem = groupBy(votes, (v) => v.itemId);
    const letterOf = new Map(letters.map((l) => [l.application.id, l.aggregate]));
    return {
      call,
      meeting,
      chair: members.find((m) => m.expertId === meeting.chairExpertId)!,
      signer: meeting.signedOffBy ? (members.find((m) => m.userId === meeting.signedOffBy) ?? null) : null,
      members,
      items: items.flatMap((item) => {
        const row = byId.get(item.applicationId);
        if (!row) return [];
        const own = byItem.get(item.id) ?? [];
        return [
          {
            item,
            row,
            limit: limitOf(call, row),
            letter: letterOf.get(item.applicationId) ?? aggregate([]),
            votes: own,
            tally: tally(
              own.map((v) => v.vote as PanelVote),
              members.length,
            ),
          },
        ];
      }),
    };
  }

  /**
   * The 函评 of the call's reviewable applications (or those of `ids`): submitted totals of assignments in a 函评
   * round, each on the form version it was scored on (专家论证 has its own form and is not normalised with them).
   */
  private async letterResults(repos: Repositories, callId: string, ids?: string[]): Promise<LetterResult[]> {
    const applications = await repos.experts.applications({
      callId,
      reviewable: true,
      ...(ids ? { ids } : {}),
    });
    const topics = new Map(applications.map((a) => [a.id, a.topic as TopicNumber]));
    const all = await repos.experts.assignmentsOf(applications.map((a) => a.id));
    const forms = await formsInUse(
      repos,
      all.map(({ assignment: a }) => ({ ...a, topic: topics.get(a.applicationId)! })),
    );
    const assignments = groupBy(all, (a) => a.assignment.applicationId);
    return applications.map((application) => {
      const totals = (assignments.get(application.id) ?? []).flatMap(({ assignment: a, expert }) => {
        const form = forms.get(a.id)!;
        return a.submittedAt && form.kind === 'letter'
          ? [
              {
                expertId: expert.id,
                expertName: expert.name,
                organizationName: expert.organizationName,
                total: weightedTotal(form.content, a.scores),
              },
            ]
          : [];
      });
      return { application, totals, aggregate: aggregate(totals.map((t) => t.total)) };
    });
  }

  private async normalised(repos: Repositories, call: CallView): Promise<NormalisedCall> {
    const letters = await this.letterResults(repos, call.row.id);
    const thresholdZ = call.parameters.review.value.strictLenientZ;
    const entries = letters.flatMap((l) =>
      l.totals.map((t) => ({ expertId: t.expertId, applicationId: l.application.id, total: t.total })),
    );
    const experts = new Map(
      letters.flatMap((l) =>
        l.totals.map(
          (t) => [t.expertId, { name: t.expertName, organizationName: t.organizationName }] as const,
        ),
      ),
    );
    return {
      call,
      thresholdZ,
      result: normalise(entries, thresholdZ),
      experts,
      applications: new Map(letters.map((l) => [l.application.id, l.application])),
    };
  }
}
