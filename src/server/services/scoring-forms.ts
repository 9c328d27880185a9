import type { TopicNumber } from '../../core/bundle/schema.js';
import type { RoundKind } from '../../core/experts/rounds.js';
import {
  defaultForm,
  type FeasibilityAggregate,
  feasibilityAggregate,
  type FormContent,
  formChanges,
  formProblems,
  type RecommendationLimit,
  recommendationLimit,
  recommendsFunding,
  weightedTotal,
} from '../../core/experts/scoring-forms.js';
import { formBudget } from '../../core/application/bundle-fields.js';
import { groupBy } from '../../core/group-by.js';
import { TOPICS } from '../../core/bundle/schema.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import type { AssignmentRow, ExpertReviewApplication } from '../repositories/experts.js';
import { parametersOf } from './calls.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { RoundRow, ScoringFormRow, ScoringFormVersion } from '../repositories/scoring-forms.js';
import type { ScoringFormBody } from '../../contract/scoring-forms.js';

// 评分表 per review round and topic (issue 14 §3): the province (项目管理中心) saves versions; once an expert has
// saved a score in the round for the topic, no version is added. Assignments are scored and totalled on the
// version they name; until a round has a version, the default of its kind applies, and the first score saved
// adopts it as version 1. An assignment without a round (made before rounds existed) uses the 函评 default.

type Province = PrincipalOf<'province'>;

/** The form an assignment is (or will be) scored on. */
export interface FormInUse {
  /** The saved version's id; null for a default not yet adopted. */
  id: string | null;
  version: number | null;
  kind: RoundKind;
  content: FormContent;
}

const contentOf = (row: Pick<ScoringFormRow, 'criteria' | 'guidance' | 'minCommentLength'>): FormContent => ({
  criteria: row.criteria,
  guidance: row.guidance,
  minCommentLength: row.minCommentLength,
});

const saved = (row: ScoringFormRow, kind: RoundKind): FormInUse => ({
  id: row.id,
  version: row.version,
  kind,
  content: contentOf(row),
});

const byDefault = (kind: RoundKind, topic: TopicNumber): FormInUse => ({
  id: null,
  version: null,
  kind,
  content: defaultForm(kind, topic),
});

/** The current form of a round and topic: its latest version, or the default of its kind. */
function currentOf(versions: readonly ScoringFormRow[], kind: RoundKind, topic: TopicNumber): FormInUse {
  const latest = versions.filter((v) => v.topic === topic).at(-1);
  return latest ? saved(latest, kind) : byDefault(kind, topic);
}

type Scored = Pick<AssignmentRow, 'id' | 'roundId' | 'scoringFormId'> & { topic: TopicNumber };

/** The form each assignment is scored on: the version it names, else its round's current form. */
export async function formsInUse(
  repos: Repositories,
  rows: readonly Scored[],
): Promise<Map<string, FormInUse>> {
  const roundIds = [...new Set(rows.flatMap((r) => (r.roundId ? [r.roundId] : [])))];
  const [rounds, versions] = await Promise.all([
    repos.scoringForms.rounds(roundIds),
    repos.scoringForms.ofRounds(roundIds),
  ]);
  const kinds = new Map(rounds.map((r) => [r.id, r.kind]));
  const byId = new Map(versions.map((v) => [v.id, v]));
  const ofRound = groupBy(versions, (v) => v.roundId);
  return new Map(
    rows.map((row) => {
      const kind = kinds.get(row.roundId) ?? 'letter';
      const named = row.scoringFormId ? byId.get(row.scoringFormId) : undefined;
      return [
        row.id,
        named ? saved(named, kind) : currentOf(ofRound.get(row.roundId) ?? [], kind, row.topic),
      ];
    }),
  );
}

/**
 * The form an expert's save is checked against, inside the save's transaction: it takes the round's lock (so that
 * no version is added meanwhile) and, on the round's first score for the topic, adopts the default as version 1.
 */
export async function formForScoring(
  repos: Repositories,
  row: AssignmentRow,
  topic: TopicNumber,
  now: Date,
): Promise<FormInUse> {
  const round = await repos.scoringForms.lockRound(row.roundId);
  if (!round) throw new AppError('NOT_FOUND');
  const versions = await repos.scoringForms.ofRounds([round.id]);
  const named = row.scoringFormId ? versions.find((v) => v.id === row.scoringFormId) : undefined;
  if (named) return saved(named, round.kind);
  const current = currentOf(versions, round.kind, topic);
  if (current.id) return current;
  const adopted = await repos.scoringForms.insert({
    roundId: round.id,
    topic,
    version: 1,
    ...current.content,
    criteria: [...current.content.criteria],
    createdAt: now,
    createdBy: null,
  });
  await repos.audit.append({
    at: now,
    actorUserId: null,
    action: 'scoring-form.default-adopted',
    entityType: 'scoring-form',
    entityId: adopted.id,
    after: { roundId: round.id, topic, version: 1, ...current.content },
  });
  return saved(adopted, round.kind);
}

/** The 专家论证 panel's recommendation per application: its submitted 论证 totals and amounts. */
export async function feasibilityOf(
  repos: Repositories,
  applications: readonly { id: string; topic: number }[],
): Promise<Map<string, FeasibilityAggregate | null>> {
  const topics = new Map(applications.map((a) => [a.id, a.topic as TopicNumber]));
  const rows = (await repos.experts.assignmentsOf([...topics.keys()])).map((a) => a.assignment);
  const forms = await formsInUse(
    repos,
    rows.map((r) => ({ ...r, topic: topics.get(r.applicationId)! })),
  );
  const submitted = groupBy(
    rows.filter((r) => r.submittedAt && forms.get(r.id)!.kind === 'feasibility'),
    (r) => r.applicationId,
  );
  return new Map(
    applications.map((a) => [
      a.id,
      feasibilityAggregate(
        (submitted.get(a.id) ?? []).map((r) => ({
          total: weightedTotal(forms.get(r.id)!.content, r.scores),
          recommendedFunding: r.recommendedFunding,
        })),
      ),
    ]),
  );
}

/** A version as the history lists it: what changed from the one before, and how many scored on it. */
export type VersionEntry = ScoringFormVersion & { changes: string[]; scored: number };

export interface RoundForm {
  round: RoundRow;
  topic: TopicNumber;
  current: FormInUse;
  locked: boolean;
  versions: VersionEntry[];
}

export interface RoundForms {
  round: RoundRow;
  topics: { topic: TopicNumber; version: number | null; locked: boolean }[];
}

/** What a version's content is, for the audit log. */
const audited = (form: FormInUse) => ({ version: form.version, ...form.content });

export class ScoringFormService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** The call's rounds, each topic with its current version and whether it is locked. */
  async rounds(_actor: Province, callId: string): Promise<RoundForms[]> {
    const rounds = await this.repos.scoringForms.roundsOfCall(callId);
    const versions = groupBy(
      await this.repos.scoringForms.ofRounds(rounds.map((r) => r.id)),
      (v) => v.roundId,
    );
    return Promise.all(
      rounds.map(async (round) => {
        const scored = await this.repos.scoringForms.scoredTopics(round.id);
        return {
          round,
          topics: TOPICS.map((topic) => ({
            topic,
            version: currentOf(versions.get(round.id) ?? [], round.kind, topic).version,
            locked: scored.has(topic),
          })),
        };
      }),
    );
  }

  async get(_actor: Province, roundId: string, topic: TopicNumber): Promise<RoundForm> {
    const round = await this.repos.scoringForms.round(roundId);
    if (!round) throw new AppError('NOT_FOUND');
    return this.form(this.repos, round, topic);
  }

  /** Saves a new version, unless an expert has saved a score in the round for the topic. */
  async save(
    actor: Province,
    roundId: string,
    topic: TopicNumber,
    body: ScoringFormBody,
  ): Promise<RoundForm> {
    const content: FormContent = {
      criteria: body.criteria.map((c) => ({ ...c, section: c.section ?? undefined })),
      guidance: body.guidance,
      minCommentLength: body.minCommentLength,
    };
    const problems = formProblems(content);
    if (problems.length > 0) {
      throw new AppError('VALIDATION_FAILED', {
        message: problems.map((p) => p.message).join('；'),
        fields: problems,
      });
    }
    return inTransaction(this.db, async (repos) => {
      const round = await repos.scoringForms.lockRound(roundId);
      if (!round) throw new AppError('NOT_FOUND');
      if ((await repos.scoringForms.scoredTopics(round.id)).has(topic))
        throw new AppError('SCORING_FORM_LOCKED');
      const versions = await repos.scoringForms.ofRounds([round.id]);
      const current = currentOf(versions, round.kind, topic);
      const changes = formChanges(current.content, content);
      if (changes.length === 0) throw new AppError('SCORING_FORM_UNCHANGED');
      const now = this.clock.now();
      const row = await repos.scoringForms.insert({
        roundId: round.id,
        topic,
        version: (current.version ?? 0) + 1,
        criteria: stripUndefined(content.criteria),
        guidance: content.guidance,
        minCommentLength: content.minCommentLength,
        createdAt: now,
        createdBy: actor.userId,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'scoring-form.saved',
        entityType: 'scoring-form',
        entityId: row.id,
        before: audited(current),
        after: { roundId: round.id, topic, ...audited(saved(row, round.kind)), changes },
      });
      return this.form(repos, round, topic);
    });
  }

  private async form(repos: Repositories, round: RoundRow, topic: TopicNumber): Promise<RoundForm> {
    const versions = (await repos.scoringForms.ofRounds([round.id])).filter((v) => v.topic === topic);
    const [scored, usage] = await Promise.all([
      repos.scoringForms.scoredTopics(round.id),
      repos.scoringForms.usage(versions.map((v) => v.id)),
    ]);
    let before = defaultForm(round.kind, topic) as FormContent;
    const entries = versions.map((v) => {
      const content = contentOf(v);
      const changes = v.createdBy === null ? ['采用默认评分表（中心配置）'] : formChanges(before, content);
      before = content;
      return { ...v, changes, scored: usage.get(v.id) ?? 0 };
    });
    return {
      round,
      topic,
      current: currentOf(versions, round.kind, topic),
      locked: scored.has(topic),
      versions: entries.reverse(),
    };
  }
}

/** jsonb keeps no `undefined`: a criterion without a part has no `section` key. */
function stripUndefined(criteria: FormContent['criteria']) {
  return criteria.map(({ section, ...rest }) => (section ? { ...rest, section } : rest));
}

/** 专家论证: the most an expert may recommend for `application` (the stream's cap or the amount requested). */
export async function recommendationLimitOf(
  repos: Repositories,
  application: Pick<ExpertReviewApplication, 'callId' | 'topic' | 'direction' | 'form'>,
  form: FormInUse,
): Promise<RecommendationLimit | null> {
  if (!recommendsFunding(form.kind)) return null;
  const call = await repos.calls.findById(application.callId);
  if (!call) return null;
  return recommendationLimit(
    parametersOf(call),
    application.topic as TopicNumber,
    application.direction ?? null,
    formBudget(application.form).provincialFunding,
  );
}
