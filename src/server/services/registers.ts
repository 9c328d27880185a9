import type { Bundle } from '../../core/bundle/schema.js';
import type { Report } from '../../core/check.js';
import { verdictChanges, type VerdictChange } from '../../core/registers/effect.js';
import {
  CALL_SCOPED,
  parseRegisterSheet,
  REGISTER_LABELS,
  registerFields,
  type RegisterKind,
  type RegisterRecord,
} from '../../core/registers/kinds.js';
import { problemsOf, type RowProblem, type Sheet } from '../../core/registers/sheet.js';
import { withoutIdNumbers } from '../audit/personal-data.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import type { ApplicationRow } from '../repositories/bundles.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { RecordWrite, RegisterBatchRow } from '../repositories/registers.js';
import { BundleService } from './bundles.js';
import { parametersOf } from './calls.js';

// Imports of the province's registers: a file is read whole, checked row by row, and written only if every
// row is good. A preview is the import itself, judged and then rolled back, so it shows exactly what an import
// would write and which verdicts it would change.

export type ProvinceUser = PrincipalOf<'province'>;

/** A register file as the route read it. */
export interface RegisterUpload {
  fileName: string;
  sha256: string;
  sheet: Sheet;
}

export type RowStatus = 'created' | 'updated' | 'unchanged' | 'invalid';

export interface RegisterRowOutcome {
  row: number;
  status: RowStatus;
  /** The cells as the file has them, by record field. */
  cells: Record<string, string>;
  record: Record<string, unknown> | undefined;
  problems: RowProblem[];
}

export interface VerdictEffect extends VerdictChange {
  callId: string;
  title: string;
  applicant: string;
}

interface CallJudgement {
  callId: string;
  bundle: Bundle;
  report: Report;
}

export interface RegisterOutcome {
  kind: RegisterKind;
  callId: string | null;
  fileName: string;
  sha256: string;
  fileProblems: RowProblem[];
  rows: RegisterRowOutcome[];
  counts: Record<RowStatus, number>;
  /** Applications whose findings the import changes (empty while any row is invalid). */
  effect: VerdictEffect[];
  /** The import written; absent for a preview. */
  batch: RegisterBatchRow | undefined;
}

/** Carries a preview out of the transaction it rolls back. */
class PreviewRollback extends Error {
  constructor(readonly outcome: RegisterOutcome) {
    super('register preview rolled back');
  }
}

const sameRecord = (kind: RegisterKind, a: object, b: object) =>
  registerFields(kind).every(
    (f) => ((a as Record<string, unknown>)[f] ?? null) === ((b as Record<string, unknown>)[f] ?? null),
  );

/** The credit codes, ID numbers and names a record concerns: whose applications it can touch. */
function subjectsOf(records: Record<string, unknown>[]) {
  const values = (...fields: string[]) => [
    ...new Set(
      records.flatMap((r) =>
        fields.map((f) => r[f]).filter((v): v is string => typeof v === 'string' && v !== ''),
      ),
    ),
  ];
  return {
    creditCodes: values('creditCode'),
    idNumbers: values('idNumber', 'piIdNumber'),
    names: values('piName', 'name'),
  };
}

export class RegisterService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  async preview(actor: ProvinceUser, kind: RegisterKind, upload: RegisterUpload, callId?: string) {
    try {
      await inTransaction(this.db, async (repos) => {
        throw new PreviewRollback(await this.apply(repos, actor, kind, upload, callId ?? null, false));
      });
    } catch (error) {
      if (error instanceof PreviewRollback) return error.outcome;
      throw error;
    }
    throw new Error('unreachable: a preview always rolls back');
  }

  /** Writes the file's records, or nothing if any row is bad (REGISTER_ROWS_INVALID, naming each). */
  commit(
    actor: ProvinceUser,
    kind: RegisterKind,
    upload: RegisterUpload,
    callId?: string,
  ): Promise<RegisterOutcome> {
    return inTransaction(this.db, (repos) => this.apply(repos, actor, kind, upload, callId ?? null, true));
  }

  /** The latest imports, newest first, with who made them. */
  batches(limit = 100) {
    return this.repos.registers.batches(limit);
  }

  private async apply<R extends RegisterKind>(
    repos: Repositories,
    actor: ProvinceUser,
    kind: R,
    upload: RegisterUpload,
    callId: string | null,
    commit: boolean,
  ): Promise<RegisterOutcome> {
    const scopedCall = await this.callOf(repos, kind, callId);
    const parse = parseRegisterSheet(kind, upload.sheet);
    const problems = problemsOf(parse);
    const outcome = (rows: RegisterRowOutcome[], effect: VerdictEffect[], batch?: RegisterBatchRow) => ({
      kind,
      callId: scopedCall,
      fileName: upload.fileName,
      sha256: upload.sha256,
      fileProblems: parse.fileProblems,
      rows,
      counts: {
        created: rows.filter((r) => r.status === 'created').length,
        updated: rows.filter((r) => r.status === 'updated').length,
        unchanged: rows.filter((r) => r.status === 'unchanged').length,
        invalid: rows.filter((r) => r.status === 'invalid').length,
      },
      effect,
      batch,
    });
    if (problems.length > 0 && commit) {
      throw new AppError('REGISTER_ROWS_INVALID', {
        fields: problems.map((p) => ({
          path: p.row > 0 ? `第${p.row}行.${p.column}` : p.column,
          message: p.message,
        })),
      });
    }

    await repos.registers.lock(kind);
    const valid = parse.rows.flatMap((r) =>
      r.record ? [{ row: r.row, key: r.key!, record: r.record }] : [],
    );
    const held = await repos.registers.held(
      kind,
      scopedCall,
      valid.map((r) => r.key),
    );
    const statusOf = (key: string, record: RegisterRecord<R>): RowStatus => {
      const before = held.get(key);
      if (!before) return 'created';
      return sameRecord(kind, before.record as object, record as object) ? 'unchanged' : 'updated';
    };
    const rows: RegisterRowOutcome[] = parse.rows.map((r) => ({
      row: r.row,
      status: r.record ? statusOf(r.key!, r.record) : 'invalid',
      cells: r.cells,
      record: r.record as Record<string, unknown> | undefined,
      problems: r.problems,
    }));
    // With a bad row nothing is written, so there is no effect on verdicts to show yet.
    if (problems.length > 0) return outcome(rows, []);

    const writes: RecordWrite<R>[] = valid
      .filter((r) => statusOf(r.key, r.record) !== 'unchanged')
      .map(({ key, record }) => ({ ...(held.has(key) ? { id: held.get(key)!.id } : {}), key, record }));
    const previousOf = new Map([...held.values()].map((h) => [h.id, h.record]));

    const now = this.clock.now();
    const touched = await repos.registers.touchedApplications(
      subjectsOf([...valid.map((r) => r.record), ...previousOf.values()] as Record<string, unknown>[]),
      scopedCall,
    );
    const before = await this.judgeByCall(repos, touched, now);
    const result = outcome(rows, [], undefined);
    const batch = await repos.registers.insertBatch({
      kind,
      callId: scopedCall,
      fileName: upload.fileName,
      fileSha256: upload.sha256,
      importedBy: actor.userId,
      importedAt: now,
      rows: rows.length,
      created: result.counts.created,
      updated: result.counts.updated,
      unchanged: result.counts.unchanged,
    });
    const created = await repos.registers.write(kind, scopedCall, batch.id, writes, now);
    for (const w of writes) {
      const previous = w.id ? previousOf.get(w.id)! : null;
      // By record id: a natural key may hold an ID number, which the log never keeps.
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: previous ? 'register.record-updated' : 'register.record-created',
        entityType: `register:${kind}`,
        entityId: w.id ?? created.get(w.key)!,
        before: previous && withoutIdNumbers(previous as Record<string, unknown>),
        after: {
          ...withoutIdNumbers(w.record as Record<string, unknown>),
          ...(scopedCall ? { callId: scopedCall } : {}),
          batchId: batch.id,
        },
      });
    }
    const after = await this.judgeByCall(repos, touched, now);
    const effect = this.effectOf(before, after);
    await repos.audit.append({
      at: now,
      actorUserId: actor.userId,
      action: 'register.imported',
      entityType: 'register-batch',
      entityId: batch.id,
      before: null,
      after: {
        kind,
        callId: scopedCall,
        fileName: upload.fileName,
        fileSha256: upload.sha256,
        counts: result.counts,
        verdictsChanged: effect.map((e) => e.application),
      },
    });
    // A preview's batch is rolled back with the rest: it must not be named as if it existed.
    return { ...result, effect, batch: commit ? batch : undefined };
  }

  /** The call a call-scoped register is imported for (required and known); none for the others. */
  private async callOf(
    repos: Repositories,
    kind: RegisterKind,
    callId: string | null,
  ): Promise<string | null> {
    if (!CALL_SCOPED.has(kind)) return null;
    if (!callId)
      throw AppError.invalidField('callId', `导入“${REGISTER_LABELS[kind]}”须选择所属计划（callId）`);
    if (!(await repos.calls.findById(callId))) throw AppError.invalidField('callId', `找不到计划“${callId}”`);
    return callId;
  }

  /** The touched applications judged with the rest of their call as the API judges them, call by call. */
  private async judgeByCall(
    repos: Repositories,
    rows: ApplicationRow[],
    now: Date,
  ): Promise<CallJudgement[]> {
    const judged: CallJudgement[] = [];
    for (const callId of new Set(rows.map((r) => r.callId))) {
      const call = await repos.calls.findById(callId);
      const { bundle, report } = await new BundleService(repos).judge(
        parametersOf(call!),
        rows.filter((r) => r.callId === callId),
        now,
      );
      judged.push({ callId, bundle, report });
    }
    return judged;
  }

  private effectOf(before: CallJudgement[], after: CallJudgement[]): VerdictEffect[] {
    return after.flatMap(({ callId, bundle, report }) => {
      const earlier = before.find((b) => b.callId === callId)!;
      const applications = new Map(bundle.applications.map((a) => [a.id, a]));
      const organizations = new Map(bundle.organizations.map((o) => [o.id, o.name]));
      return verdictChanges(earlier.report, report).map((change) => {
        const application = applications.get(change.application)!;
        return {
          ...change,
          callId,
          title: application.title,
          applicant: organizations.get(application.applicant) ?? '',
        };
      });
    });
  }
}
