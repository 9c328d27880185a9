import type { TopicNumber } from '../../core/bundle/schema.js';
import { type Aggregate, aggregate } from '../../core/experts/aggregation.js';
import { autoAssign, fieldMatches } from '../../core/experts/assignment.js';
import { type Conflict, conflictsOf, type DeclaredConflict } from '../../core/experts/conflicts.js';
import type { RoundKind } from '../../core/experts/rounds.js';
import {
  type Criterion,
  type FeasibilityAggregate,
  feasibilityAggregate,
  SCORING_FORMS,
  weightedTotal,
} from '../../core/experts/scoring-forms.js';
import { groupBy } from '../../core/group-by.js';
import { toBeijingIso } from '../../core/time.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import { wasReceived } from '../repositories/applications.js';
import type {
  AssignmentRow,
  AssignmentWithExpert,
  Expert,
  ExpertConflictRow,
  ExpertReviewApplication,
} from '../repositories/experts.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type {
  AssignBody,
  AutoAssignBody,
  CreateExpertBody,
  DeclareConflictBody,
  ExpertProfileBody,
  UpdateExpertBody,
} from '../../contract/experts.js';
import { hashPassword } from '../security/passwords.js';
import { requireAcceptablePassword } from '../security/password-policy.js';
import { type CreatedBy, rethrowLoginTaken } from './accounts.js';
import { expertAssignedMessage } from './notifications/messages.js';
import type { InvitationRow, RoundRow } from '../repositories/review-rounds.js';
import { ensureInvitation, notifyInvited } from './review-rounds.js';
import { auditedAssignment, insertAssignment, partiesOf } from './assignments.js';

export { auditedAssignment, partiesOf };
import { notify } from './notifications/notify.js';
import { type FormInUse, formsInUse } from './scoring-forms.js';

/**
 * One message per expert and assignment run, keyed by its first assignment: the invitation when this run
 * invited them, else the new assignments.
 */
async function tellAssigned(
  repos: Repositories,
  userId: string,
  round: RoundRow,
  invitation: InvitationRow,
  invited: boolean,
  titles: string[],
  dueAt: Date,
  firstId: string,
) {
  if (invited) return notifyInvited(repos, userId, round, invitation, titles);
  return notify(
    repos,
    { userIds: [userId] },
    { kind: 'expert.assigned', ...expertAssignedMessage({ titles, dueAt }), key: `assigned:${firstId}` },
  );
}

// 专家评审, the province's side (issue 5 §5): the pool and its declared conflicts, assignment by hand (a
// conflicted expert only with a reason, recorded) or automatically, and the experts' scores aggregated.
// Applications reach it once their department recommends them and the province accepts them (受理).

type Province = PrincipalOf<'province'>;

/** An expert with their login, the assignments they hold and those not yet submitted. */
export type ExpertListing = Expert & { login: string; assignments: number; pending: number };

export interface ExpertRecord {
  expert: ExpertListing;
  conflicts: ExpertConflictRow[];
}

/** An assignment with its expert, of an application of `topic`, and the scoring form that weighs its scores. */
export type TopicAssignment = AssignmentRow & {
  expert: AssignmentWithExpert['expert'];
  invitationStatus: AssignmentWithExpert['invitationStatus'];
  topic: TopicNumber;
  form: FormInUse;
};

export interface ReviewedApplication {
  application: ExpertReviewApplication;
  assignments: TopicAssignment[];
  /** Over the submitted totals of 函评. */
  aggregate: Aggregate;
  /** 专家论证: the panel's totals and recommended amounts; null when none submitted. */
  feasibility: FeasibilityAggregate | null;
}

export interface Candidate {
  expert: ExpertListing;
  fieldMatch: boolean;
  conflicts: Conflict[];
  assigned: boolean;
}

/** One application's review: its assignments, every expert as a candidate, and its scoring form. */
export interface ApplicationReview {
  reviewed: ReviewedApplication;
  candidates: Candidate[];
  criteria: readonly Criterion[];
}

export type AssignOutcome = { ok: true; assignment: TopicAssignment } | { ok: false; conflicts: Conflict[] };

export interface AutoAssignOutcome {
  assigned: { applicationId: string; expertId: string; assignmentId: string }[];
  /** Applications that could not be filled, and by how many experts. */
  shortfalls: { application: ExpertReviewApplication; missing: number }[];
}

const iso = (at: Date) => toBeijingIso(at.getTime());

const declaredOf = (rows: ExpertConflictRow[]): DeclaredConflict[] =>
  rows.map((r) => ({ creditCode: r.creditCode, applicationId: r.applicationId, reason: r.reason }));

const affiliationOf = (e: Pick<Expert, 'name' | 'organizationName' | 'organizationCreditCode'>) => ({
  name: e.name,
  organizationName: e.organizationName,
  organizationCreditCode: e.organizationCreditCode,
});

/** Province only: every method takes its principal, the reads too, so none serves a caller that was not checked. */
export class ExpertReviewService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** The pool (those of `ids`, those matching the search `q`), with their workload. */
  async list(_actor: Province, ids?: string[], q?: string): Promise<ExpertListing[]> {
    const [experts, workload] = await Promise.all([
      this.repos.experts.list(ids, q),
      this.repos.experts.workload(),
    ]);
    return experts.map((e) => ({ ...e, ...(workload.get(e.id) ?? { assignments: 0, pending: 0 }) }));
  }

  async detail(actor: Province, id: string): Promise<ExpertRecord> {
    const [expert] = await this.list(actor, [id]);
    if (!expert) throw new AppError('NOT_FOUND');
    return { expert, conflicts: await this.repos.experts.declaredConflicts([id]) };
  }

  /** The expert and their login, both or neither; the login must choose its own password first unless `seeded`. */
  async create(
    actor: Province,
    body: CreateExpertBody,
    { seeded = false }: CreatedBy = {},
  ): Promise<ExpertRecord> {
    const { account, ...profile } = body;
    requireAcceptablePassword(
      account.password,
      { path: 'account.password', label: '密码' },
      { login: account.login },
    );
    const passwordHash = await hashPassword(account.password);
    const expert = await inTransaction(this.db, async (repos) => {
      const now = this.clock.now();
      const user = await repos.users.insert({
        login: account.login,
        passwordHash,
        displayName: profile.name,
        role: 'expert',
        mustChangePassword: !seeded,
      });
      const row = await repos.experts.insert({ ...profile, userId: user.id, createdAt: now, updatedAt: now });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'expert.created',
        entityType: 'expert',
        entityId: row.id,
        after: { ...profile, login: account.login, mustChangePassword: user.mustChangePassword },
      });
      return row;
    }).catch(rethrowLoginTaken);
    return this.detail(actor, expert.id);
  }

  /** Links an existing expert login to a profile (the demo's account). */
  async createProfileFor(userId: string, profile: ExpertProfileBody): Promise<Expert> {
    const now = this.clock.now();
    return inTransaction(this.db, async (repos) => {
      const row = await repos.experts.insert({ ...profile, userId, createdAt: now, updatedAt: now });
      await repos.audit.append({
        at: now,
        actorUserId: null,
        action: 'expert.created',
        entityType: 'expert',
        entityId: row.id,
        after: { ...profile },
      });
      return row;
    });
  }

  async update(actor: Province, id: string, body: UpdateExpertBody): Promise<ExpertRecord> {
    await inTransaction(this.db, async (repos) => {
      const before = await repos.experts.findById(id);
      if (!before) throw new AppError('NOT_FOUND');
      const now = this.clock.now();
      const after = await repos.experts.update(id, { ...body, updatedAt: now });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'expert.updated',
        entityType: 'expert',
        entityId: id,
        before: profileOf(before),
        after: profileOf(after),
      });
    });
    return this.detail(actor, id);
  }

  async declareConflict(actor: Province, id: string, body: DeclareConflictBody): Promise<ExpertConflictRow> {
    return inTransaction(this.db, async (repos) => {
      if (!(await repos.experts.findById(id))) throw new AppError('NOT_FOUND');
      if (body.applicationId) {
        const [application] = await repos.experts.applications({ ids: [body.applicationId] });
        if (!application || !wasReceived(application))
          throw AppError.invalidField('applicationId', '回避的申报书：不存在');
      }
      const now = this.clock.now();
      const row = await repos.experts.insertConflict({
        expertId: id,
        creditCode: body.creditCode ?? null,
        applicationId: body.applicationId ?? null,
        reason: body.reason,
        createdAt: now,
        createdBy: actor.userId,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'expert.conflict.declared',
        entityType: 'expert',
        entityId: id,
        after: {
          conflictId: row.id,
          creditCode: row.creditCode,
          applicationId: row.applicationId,
          reason: row.reason,
        },
      });
      return row;
    });
  }

  async removeConflict(actor: Province, id: string, conflictId: string): Promise<void> {
    await inTransaction(this.db, async (repos) => {
      const row = await repos.experts.deleteConflict(id, conflictId);
      if (!row) throw new AppError('NOT_FOUND');
      await repos.audit.append({
        at: this.clock.now(),
        actorUserId: actor.userId,
        action: 'expert.conflict.removed',
        entityType: 'expert',
        entityId: id,
        before: {
          conflictId,
          creditCode: row.creditCode,
          applicationId: row.applicationId,
          reason: row.reason,
        },
      });
    });
  }

  /** Applications experts review (recommended and 受理) with their assignments and aggregated scores. */
  async applications(_actor: Province, callId?: string, q?: string): Promise<ReviewedApplication[]> {
    const rows = await this.repos.experts.applications({ callId, reviewable: true, q });
    return this.reviewed(this.repos, rows);
  }

  async application(actor: Province, id: string): Promise<ApplicationReview> {
    const [row] = await this.repos.experts.applications({ ids: [id], reviewable: true });
    if (!row) throw new AppError('NOT_FOUND');
    const [reviewed] = await this.reviewed(this.repos, [row]);
    const [experts, declared] = await Promise.all([this.list(actor), this.repos.experts.declaredConflicts()]);
    const byExpert = groupBy(declared, (d) => d.expertId);
    const assigned = new Set(reviewed!.assignments.map((a) => a.expert.id));
    const candidates: Candidate[] = experts.map((expert) => ({
      expert,
      fieldMatch: fieldMatches(expert.fields, row.form.field),
      conflicts: conflictsOf(
        affiliationOf(expert),
        declaredOf(byExpert.get(expert.id) ?? []),
        partiesOf(row),
      ),
      assigned: assigned.has(expert.id),
    }));
    return { reviewed: reviewed!, candidates, criteria: SCORING_FORMS[row.topic as TopicNumber].criteria };
  }

  /**
   * Assigns by hand in a round; an expert in conflict only with `overrideReason`, which is kept with the
   * conflicts. An expert not yet invited to the round is invited (pending) and scores once they accept.
   */
  async assign(actor: Province, applicationId: string, body: AssignBody): Promise<AssignOutcome> {
    return inTransaction(this.db, async (repos) => {
      await repos.experts.lockAssignments();
      const [application] = await repos.experts.applications({ ids: [applicationId] });
      if (!application || !wasReceived(application)) throw new AppError('NOT_FOUND');
      const round = await this.roundOf(repos, body.roundId, application.callId);
      const dueAt = this.futureDue(body.dueAt, round);
      if ((await repos.experts.applications({ ids: [applicationId], reviewable: true })).length === 0) {
        throw new AppError('NOT_REVIEWABLE');
      }
      const expert = await repos.experts.findById(body.expertId);
      if (!expert) throw AppError.invalidField('expertId', '专家：不存在');
      if (!expert.active) throw new AppError('EXPERT_INACTIVE');
      const conflicts = conflictsOf(
        affiliationOf(expert),
        declaredOf(await repos.experts.declaredConflicts([expert.id])),
        partiesOf(application),
      );
      if (conflicts.length > 0 && !body.overrideReason) return { ok: false, conflicts } as const;
      const now = this.clock.now();
      const row = await insertAssignment(repos, now, actor.userId, {
        roundId: round.id,
        expertId: expert.id,
        applicationId,
        dueAt,
        conflicts,
        overrideReason: conflicts.length > 0 ? body.overrideReason! : null,
      });
      const { invitation, created } = await ensureInvitation(repos, now, actor.userId, round, expert.id);
      const titles = [application.form.title ?? ''];
      await tellAssigned(repos, expert.userId, round, invitation, created, titles, dueAt, row.id);
      const topic = application.topic as TopicNumber;
      return {
        ok: true,
        assignment: {
          ...row,
          expert: { id: expert.id, name: expert.name, organizationName: expert.organizationName },
          invitationStatus: invitation.status,
          topic,
          form: await formOf(repos, row, topic),
        },
      } as const;
    });
  }

  /**
   * Fills every application of the round's call experts review (recommended and 受理) up to `perApplication`
   * experts of its field in the round, never one who declined it; those not yet invited are invited (pending).
   */
  async autoAssign(actor: Province, body: AutoAssignBody): Promise<AutoAssignOutcome> {
    return inTransaction(this.db, async (repos) => {
      await repos.experts.lockAssignments();
      const round = await this.roundOf(repos, body.roundId);
      const dueAt = this.futureDue(body.dueAt, round);
      const refused = await repos.reviewRounds.refusedIn(round.id);
      const applications = await repos.experts.applications({ callId: round.callId, reviewable: true });
      const experts = (await repos.experts.list()).filter((e) => e.active && !refused.has(e.id));
      const byExpert = groupBy(await repos.experts.declaredConflicts(), (d) => d.expertId);
      const loads = await repos.experts.loads(round.callId);
      const current = groupBy(
        (await repos.experts.assignmentsOf(applications.map((a) => a.id))).filter(
          (a) => a.assignment.roundId === round.id,
        ),
        (a) => a.assignment.applicationId,
      );
      const needs = applications.map((application) => ({
        applicationId: application.id,
        field: application.form.field,
        assigned: (current.get(application.id) ?? []).map((a) => a.expert.id),
        conflicted: experts
          .filter(
            (e) =>
              conflictsOf(affiliationOf(e), declaredOf(byExpert.get(e.id) ?? []), partiesOf(application))
                .length > 0,
          )
          .map((e) => e.id),
      }));
      const plan = autoAssign(
        needs,
        experts.map((e) => ({ id: e.id, fields: e.fields, load: loads.get(e.id) ?? 0 })),
        body.perApplication,
      );
      const now = this.clock.now();
      const assigned: AutoAssignOutcome['assigned'] = [];
      for (const pair of plan.pairs) {
        const row = await insertAssignment(repos, now, actor.userId, {
          ...pair,
          roundId: round.id,
          dueAt,
          conflicts: [],
          overrideReason: null,
        });
        assigned.push({ ...pair, assignmentId: row.id });
      }
      const byId = new Map(applications.map((a) => [a.id, a]));
      const userOf = new Map(experts.map((e) => [e.id, e.userId]));
      for (const [expertId, pairs] of groupBy(assigned, (a) => a.expertId)) {
        const titles = pairs.map((p) => byId.get(p.applicationId)?.form.title ?? '');
        const { invitation, created } = await ensureInvitation(repos, now, actor.userId, round, expertId);
        const userId = userOf.get(expertId)!;
        await tellAssigned(repos, userId, round, invitation, created, titles, dueAt, pairs[0]!.assignmentId);
      }
      return {
        assigned,
        shortfalls: plan.shortfalls.map((s) => ({
          application: byId.get(s.applicationId)!,
          missing: s.missing,
        })),
      };
    });
  }

  async changeDue(actor: Province, id: string, dueAtIso: string): Promise<TopicAssignment> {
    const dueAt = this.futureDue(dueAtIso);
    return inTransaction(this.db, async (repos) => {
      const before = await this.lockOpen(repos, id);
      const after = await repos.experts.updateAssignment(id, { dueAt });
      await repos.audit.append({
        at: this.clock.now(),
        actorUserId: actor.userId,
        action: 'expert.assignment.due-changed',
        entityType: 'expert-assignment',
        entityId: id,
        before: { dueAt: iso(before.dueAt) },
        after: { dueAt: iso(after.dueAt) },
      });
      const [withExpert] = await repos.experts
        .assignmentsOf([after.applicationId])
        .then((all) => all.filter((a) => a.assignment.id === id));
      const [application] = await repos.experts.applications({ ids: [after.applicationId] });
      const topic = application!.topic as TopicNumber;
      return {
        ...withExpert!.assignment,
        expert: withExpert!.expert,
        invitationStatus: withExpert!.invitationStatus,
        topic,
        form: await formOf(repos, after, topic),
      };
    });
  }

  /** Withdraws an assignment the expert has not submitted. */
  async unassign(actor: Province, id: string): Promise<void> {
    await inTransaction(this.db, async (repos) => {
      const before = await this.lockOpen(repos, id);
      await repos.experts.deleteAssignment(id);
      await repos.audit.append({
        at: this.clock.now(),
        actorUserId: actor.userId,
        action: 'expert.unassigned',
        entityType: 'expert-assignment',
        entityId: id,
        before: auditedAssignment(before),
      });
    });
  }

  private async lockOpen(repos: Repositories, id: string): Promise<AssignmentRow> {
    const row = await repos.experts.lockAssignment(id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.submittedAt) throw new AppError('SCORES_SUBMITTED');
    return row;
  }

  /** The due date given, else the round's; either must be ahead. */
  private futureDue(dueAtIso: string | undefined, round?: RoundRow): Date {
    const dueAt = dueAtIso ? new Date(dueAtIso) : round!.dueAt;
    if (dueAt <= this.clock.now()) throw AppError.invalidField('dueAt', '评审截止时间：须晚于当前时间');
    return dueAt;
  }

  /** The round, of `callId` when given. */
  private async roundOf(repos: Repositories, roundId: string, callId?: string): Promise<RoundRow> {
    const round = await repos.reviewRounds.findById(roundId);
    if (!round) throw AppError.invalidField('roundId', '评审轮次：不存在');
    if (callId && round.callId !== callId)
      throw AppError.invalidField('roundId', '评审轮次：不属于该申报书的申报计划');
    return round;
  }

  private async reviewed(
    repos: Repositories,
    rows: ExpertReviewApplication[],
  ): Promise<ReviewedApplication[]> {
    const all = await repos.experts.assignmentsOf(rows.map((r) => r.id));
    const topics = new Map(rows.map((r) => [r.id, r.topic as TopicNumber]));
    const forms = await formsInUse(
      repos,
      all.map(({ assignment: a }) => ({ ...a, topic: topics.get(a.applicationId)! })),
    );
    const assignments = groupBy(all, (a) => a.assignment.applicationId);
    return rows.map((application) => {
      const topic = application.topic as TopicNumber;
      const ofApplication = (assignments.get(application.id) ?? []).map(
        ({ assignment, expert, invitationStatus }) => ({
          ...assignment,
          expert,
          invitationStatus,
          topic,
          form: forms.get(assignment.id)!,
        }),
      );
      const submitted = (kind: RoundKind) =>
        ofApplication.filter((a) => a.submittedAt && a.form.kind === kind);
      return {
        application,
        assignments: ofApplication,
        aggregate: aggregate(submitted('letter').map((a) => weightedTotal(a.form.content, a.scores))),
        feasibility: feasibilityAggregate(
          submitted('feasibility').map((a) => ({
            total: weightedTotal(a.form.content, a.scores),
            recommendedFunding: a.recommendedFunding,
          })),
        ),
      };
    });
  }
}

/** The scoring form one assignment is scored on. */
async function formOf(repos: Repositories, row: AssignmentRow, topic: TopicNumber): Promise<FormInUse> {
  return (await formsInUse(repos, [{ ...row, topic }])).get(row.id)!;
}

/** What an expert's profile says, as the audit log and the province read it. */
export function profileOf(e: Expert) {
  return {
    name: e.name,
    organizationName: e.organizationName,
    organizationCreditCode: e.organizationCreditCode,
    fields: e.fields,
    title: e.title,
    phone: e.phone,
    email: e.email,
    active: e.active,
  };
}
