import {
  parseCallDocument,
  toCallDocument,
  type CallDocument,
  type CallProblem,
} from '../../core/calls/schema.js';
import { toBeijingIso } from '../../core/time.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { CallSnapshot } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import { columnsOf, type CallRow, type CallVersionRow } from '../repositories/calls.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { CloneBody, DeadlinesBody } from '../../contract/province-calls.js';
import type { CallChange } from '../../contract/vocabulary.js';
import { documentOf, type CallService, type CallView } from './calls.js';

export type Province = PrincipalOf<'province'>;

export function snapshotOf(row: CallRow): CallSnapshot {
  return {
    id: row.id,
    name: row.name,
    baseCallId: row.baseCallId,
    isPractice: row.isPractice,
    readOnly: row.readOnly,
    status: row.status,
    submissionClosesAt: toBeijingIso(row.submissionClosesAt.getTime()),
    recommendationClosesAt: toBeijingIso(row.recommendationClosesAt.getTime()),
    paperClosesAt: toBeijingIso(row.paperClosesAt.getTime()),
  };
}

const deadlinesOf = (body: DeadlinesBody) => ({
  submissionClosesAt: new Date(body.submissionClosesAt),
  recommendationClosesAt: new Date(body.recommendationClosesAt),
  paperClosesAt: new Date(body.paperClosesAt),
});

/**
 * The province's hold on calls (issue 5 §1): open and close them, move their windows, clone them for a new
 * year. Every change writes the call's new state as a numbered version and an audit entry with before → after,
 * in the transaction that makes it; read-only history (the 2026 call) refuses every change.
 */
export class CallAdminService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  /** Every call, drafts included. */
  async list(): Promise<CallView[]> {
    return (await this.repos.calls.list()).map((row) => this.calls.view(row));
  }

  async versions(id: string): Promise<(CallVersionRow & { actorName: string | null })[]> {
    await this.calls.require(id);
    return this.repos.calls.versions(id);
  }

  open(actor: Province, id: string): Promise<CallView> {
    return this.change(actor, id, 'opened', async (row, repos) => {
      if (row.status === 'open') throw new AppError('STATUS_CONFLICT', { message: '该计划已开放申报' });
      if (this.clock.now() >= row.submissionClosesAt) {
        throw new AppError('STATUS_CONFLICT', {
          message: '该计划的网上填报截止时间已过，请先修改截止时间再开放',
        });
      }
      await repos.calls.setStatus(row.id, 'open');
    });
  }

  close(actor: Province, id: string): Promise<CallView> {
    return this.change(actor, id, 'closed', async (row, repos) => {
      if (row.status !== 'open')
        throw new AppError('STATUS_CONFLICT', { message: '该计划未开放申报，无须关闭' });
      await repos.calls.setStatus(row.id, 'closed');
    });
  }

  changeDeadlines(actor: Province, id: string, body: DeadlinesBody): Promise<CallView> {
    return this.change(actor, id, 'deadlines-changed', async (row, repos) => {
      const next = deadlinesOf(body);
      const same = (Object.keys(next) as (keyof typeof next)[]).every(
        (key) => next[key].getTime() === row[key].getTime(),
      );
      if (same) throw AppError.invalidField('submissionClosesAt', '截止时间没有变化');
      if (!row.document) return repos.calls.setDeadlines(row.id, next);
      // The document is the truth: its other terms (the opening among them) must still hold with the new times.
      const read = parseCallDocument(withClosingTimes(row.document, body));
      if (!read.ok)
        throw documentRefused(read.problems, (path) => DEADLINE_FIELDS[path] ?? 'submissionClosesAt');
      await repos.calls.setDocument(row.id, toCallDocument(read.call));
    });
  }

  /** A copy under a new id and name with its own windows: the same base parameters, a draft until opened. */
  async clone(actor: Province, sourceId: string, body: CloneBody): Promise<CallView> {
    return inTransaction(this.db, async (repos) => {
      const source = await repos.calls.findById(sourceId);
      if (!source) throw new AppError('NOT_FOUND');
      const created = await repos.calls.insert(
        {
          id: body.id,
          baseCallId: source.baseCallId,
          name: body.name,
          isPractice: source.isPractice,
          readOnly: false,
          ...deadlinesOf(body),
          ...(source.document
            ? columnsOf(withClosingTimes({ ...source.document, id: body.id, name: body.name }, body))
            : {}),
        },
        'draft',
      );
      if (!created)
        throw new AppError('CALL_ID_TAKEN', { fields: [{ path: 'id', message: '该计划编号已被使用' }] });
      const row = (await repos.calls.findById(body.id))!;
      const version = await recordCallChange(repos, this.clock, actor, 'cloned', null, row, {
        clonedFrom: source.id,
      });
      return this.calls.view({ ...row, version });
    });
  }

  private change(
    actor: Province,
    id: string,
    change: Exclude<CallChange, 'initial' | 'cloned'>,
    apply: (row: CallRow, repos: Repositories) => Promise<void>,
  ): Promise<CallView> {
    return inTransaction(this.db, async (repos) => {
      const before = await repos.calls.lock(id);
      if (!before) throw new AppError('NOT_FOUND');
      if (before.readOnly) throw new AppError('CALL_READ_ONLY');
      await apply(before, repos);
      const after = (await repos.calls.findById(id))!;
      const version = await recordCallChange(repos, this.clock, actor, change, before, after);
      return this.calls.view({ ...after, version });
    });
  }
}

/**
 * Writes the call's new version (its whole document with it) and the audit entry, and returns its number; a seeded
 * call first gets version 1, the state it started from.
 */
export async function recordCallChange(
  repos: Repositories,
  clock: Clock,
  /** `null`: the command line (`shenbao call import`), which acts as no one's account. */
  actor: Province | null,
  change: CallChange,
  before: CallRow | null,
  after: CallRow,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const at = clock.now();
  let previous = after.version;
  if (before && previous === 0) {
    previous = 1;
    await repos.calls.insertVersion({
      callId: before.id,
      version: previous,
      change: 'initial',
      snapshot: { ...snapshotOf(before), document: documentOf(before) },
      actorUserId: null,
      at: before.createdAt,
    });
  }
  const version = previous + 1;
  await repos.calls.insertVersion({
    callId: after.id,
    version,
    change,
    snapshot: { ...snapshotOf(after), document: documentOf(after) },
    actorUserId: actor?.userId ?? null,
    at,
  });
  await repos.audit.append({
    at,
    actorUserId: actor?.userId ?? null,
    action: `call.${change}`,
    entityType: 'call',
    entityId: after.id,
    before: before ? { ...snapshotOf(before), version: previous } : null,
    after: { ...snapshotOf(after), version, ...extra },
  });
  return version;
}

const DEADLINE_FIELDS: Record<string, keyof DeadlinesBody> = {
  'deadlines.submission.value': 'submissionClosesAt',
  'deadlines.recommendation.value': 'recommendationClosesAt',
  'deadlines.paper.value': 'paperClosesAt',
};

/** A call document's problems as one refusal naming each field (`fieldOf` maps a document path to the request's). */
export function documentRefused(
  problems: readonly CallProblem[],
  fieldOf: (path: string) => string = (path) => path,
): AppError {
  return new AppError('VALIDATION_FAILED', {
    message: `计划参数有 ${problems.length} 处问题：${problems[0]!.message}`,
    fields: problems.map((p) => ({ path: fieldOf(p.path), message: p.message })),
  });
}

/** The document with the three closing times the deadlines API sets (the opening is the document's own). */
function withClosingTimes(document: CallDocument, body: DeadlinesBody): CallDocument {
  const d = document.deadlines;
  return {
    ...document,
    deadlines: {
      ...d,
      submission: { ...d.submission, value: toBeijingIso(Date.parse(body.submissionClosesAt)) },
      recommendation: { ...d.recommendation, value: toBeijingIso(Date.parse(body.recommendationClosesAt)) },
      paper: { ...d.paper, value: toBeijingIso(Date.parse(body.paperClosesAt)) },
    },
  };
}
