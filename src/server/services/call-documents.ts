import { callDiff, type CallChangeLine } from '../../core/calls/diff.js';
import type { CallParameters } from '../../core/calls/parameters.js';
import { parseCallDocument, toCallDocument, type CallDocument } from '../../core/calls/schema.js';
import { verdictChanges, type VerdictChange } from '../../core/registers/effect.js';
import { rulesUsedBy, type RuleUse } from '../../core/rules/reads.js';
import type { Report } from '../../core/check.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { isForeignKeyViolation } from '../repositories/constraint-violation.js';
import { columnsOf, type CallRow, type CallSnapshot } from '../repositories/calls.js';
import type { ApplicationRow } from '../repositories/bundles.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import { BundleService } from './bundles.js';
import { documentRefused, recordCallChange, snapshotOf, type Province } from './call-admin.js';
import { documentOf, parametersOf, type CallService } from './calls.js';

// The province's call editor (issue 15 §2): a call's parameters as a `shenbao.call/1` document, read, previewed
// against every application of the call, saved as numbered versions (optimistically, over the version read),
// created from a file, deleted while nothing names it. The document is the truth; the row's name and closing
// times are its indexed copy (repositories/calls.ts `columnsOf`).

export interface CallDocumentView {
  row: CallRow;
  document: CallDocument;
  inUse: boolean;
  rulesUsed: RuleUse[];
}

export interface VerdictCounts {
  errors: number;
  warnings: number;
}

export interface CallPreview {
  changes: CallChangeLine[];
  /** The applications whose findings change, judged under the saved and the proposed parameters. */
  effect: {
    row: ApplicationRow;
    title: string;
    applicant: string;
    before: VerdictCounts;
    after: VerdictCounts;
    change: VerdictChange;
  }[];
  total: number;
}

export class CallDocumentService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  async get(id: string): Promise<CallDocumentView> {
    const { row } = await this.calls.require(id);
    return this.viewOf(this.repos, row);
  }

  /** Saves `input` as the call's next version, only over `baseVersion`, the version the editor read. */
  async save(
    actor: Province | null,
    id: string,
    body: { baseVersion: number; document: unknown; comment: string },
  ): Promise<CallDocumentView> {
    const document = readDocument(body.document, id);
    return inTransaction(this.db, async (repos) => {
      const before = await repos.calls.lock(id);
      if (!before) throw new AppError('CALL_NOT_FOUND');
      if (before.readOnly) throw new AppError('CALL_READ_ONLY');
      if (before.version !== body.baseVersion) {
        throw new AppError('CALL_VERSION_CONFLICT', {
          message: `该计划已由他人修改并保存为第 ${before.version} 版（您修改的是第 ${body.baseVersion} 版），请刷新后在新版本上修改（您的修改仍在本页）`,
        });
      }
      const changes = callDiff(documentOf(before), document);
      if (changes.length === 0) throw AppError.invalidField('document', '计划参数没有变化');
      await repos.calls.setDocument(id, document);
      const after = (await repos.calls.findById(id))!;
      const version = await recordCallChange(repos, this.clock, actor, 'document-saved', before, after, {
        comment: body.comment,
        changes: changes.map(changeText),
      });
      return this.viewOf(repos, { ...after, version });
    });
  }

  /** A new draft call from a document: the editor's import and the CLI's. */
  async create(actor: Province | null, input: unknown): Promise<CallDocumentView> {
    const document = readDocument(input);
    return inTransaction(this.db, async (repos) => {
      const created = await repos.calls.insert(
        {
          id: document.id,
          baseCallId: document.id,
          isPractice: false,
          readOnly: false,
          ...columnsOf(document),
        },
        'draft',
      );
      if (!created) {
        throw new AppError('CALL_ID_TAKEN', {
          fields: [{ path: 'id', message: `计划编号 ${document.id} 已被使用，请换一个` }],
        });
      }
      const row = (await repos.calls.findById(document.id))!;
      const version = await recordCallChange(repos, this.clock, actor, 'created', null, row);
      return this.viewOf(repos, { ...row, version });
    });
  }

  /** Deletes a call nothing names (no application, no other record); read-only history never. */
  async delete(actor: Province, id: string): Promise<void> {
    await inTransaction(this.db, async (repos) => {
      const row = await repos.calls.lock(id);
      if (!row) throw new AppError('CALL_NOT_FOUND');
      if (row.readOnly) throw new AppError('CALL_READ_ONLY', { message: '该计划是只读的历史记录，不能删除' });
      if (await repos.calls.inUse(id)) {
        throw new AppError('CALL_IN_USE', {
          message: '该计划下已有申报书，不能删除；不再受理请关闭该计划',
        });
      }
      await repos.audit.append({
        at: this.clock.now(),
        actorUserId: actor.userId,
        action: 'call.deleted',
        entityType: 'call',
        entityId: id,
        before: { ...snapshotOf(row), version: row.version },
        after: null,
      });
      try {
        await repos.calls.delete(id);
      } catch (error) {
        if (isForeignKeyViolation(error)) throw new AppError('CALL_IN_USE');
        throw error;
      }
    });
  }

  /**
   * What saving `input` would change: its lines against the saved version, and every application of the call
   * whose findings would differ, judged with the rest of the call as the department's and the province's views
   * judge them (the same engine and bundle as a register import's preview).
   */
  async preview(id: string, input: unknown): Promise<CallPreview> {
    const { row, parameters } = await this.calls.require(id);
    const proposed = readDocument(input, id);
    const { format: _format, ...proposedCall } = proposed;
    const rows = await this.repos.bundles.liveApplications(id);
    const changes = callDiff(documentOf(row), proposed);
    if (rows.length === 0) return { changes, effect: [], total: 0 };
    const now = this.clock.now();
    const judge = (call: CallParameters) => new BundleService(this.repos).judge(call, rows, now);
    const before = await judge(parameters);
    const after = await judge(proposedCall);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const applications = new Map(after.bundle.applications.map((a) => [a.id, a]));
    const organizations = new Map(after.bundle.organizations.map((o) => [o.id, o.name]));
    return {
      changes,
      effect: verdictChanges(before.report, after.report).map((change) => {
        const application = applications.get(change.application)!;
        return {
          row: byId.get(change.application)!,
          title: application.title,
          applicant: organizations.get(application.applicant) ?? '',
          before: countsOf(before.report, change.application),
          after: countsOf(after.report, change.application),
          change,
        };
      }),
      total: rows.length,
    };
  }

  /** Version `version`'s changes against the one before it (none for the first). */
  async diff(id: string, version: number): Promise<{ previous: number | null; changes: CallChangeLine[] }> {
    const { row } = await this.calls.require(id);
    const versions = await this.repos.calls.versions(id);
    const at = versions.find((v) => v.version === version);
    if (!at) throw AppError.invalidField('version', `该计划没有第 ${version} 版`);
    const previous = versions.find((v) => v.version === version - 1);
    if (!previous) return { previous: null, changes: [] };
    return {
      previous: previous.version,
      changes: callDiff(snapshotDocument(row, previous.snapshot), snapshotDocument(row, at.snapshot)),
    };
  }

  private async viewOf(repos: Repositories, row: CallRow): Promise<CallDocumentView> {
    const document = documentOf(row);
    const { format: _format, ...call } = document;
    return { row, document, inUse: await repos.calls.inUse(row.id), rulesUsed: rulesUsedBy(call) };
  }
}

/** The document of `input`, or every problem with its path; its `id` must be the edited call's. */
function readDocument(input: unknown, id?: string): CallDocument {
  const read = parseCallDocument(input);
  if (!read.ok) throw documentRefused(read.problems);
  if (id !== undefined && read.call.id !== id)
    throw AppError.invalidField('id', `计划编号须为所编辑的计划 ${id}，不能改为 ${read.call.id}`);
  return toCallDocument(read.call);
}

/** A version's document: its own, or, for one written before calls were documents, its base call with its windows. */
function snapshotDocument(row: CallRow, snapshot: CallSnapshot): CallDocument {
  return (
    snapshot.document ??
    toCallDocument(
      parametersOf({
        id: snapshot.id,
        name: snapshot.name,
        baseCallId: snapshot.baseCallId ?? row.baseCallId,
        document: null,
        submissionClosesAt: new Date(snapshot.submissionClosesAt),
        recommendationClosesAt: new Date(snapshot.recommendationClosesAt),
        paperClosesAt: new Date(snapshot.paperClosesAt),
      }),
    )
  );
}

function countsOf(report: Report, applicationId: string): VerdictCounts {
  const findings = report.applications.find((a) => a.id === applicationId)?.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

const changeText = (line: CallChangeLine) => `${line.label}：${line.before ?? '无'} → ${line.after ?? '无'}`;
