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
import { problemsOf, type RegisterParse, type RowProblem, type Sheet } from '../../core/registers/sheet.js';
import { withoutIdNumbers } from '../audit/personal-data.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import type { ApplicationRow } from '../repositories/bundles.js';
import { inTransaction, rolledBack, type Repositories } from '../repositories/index.js';
import type { HeldRecord, RecordWrite, RegisterBatchRow } from '../repositories/registers.js';
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

/** A register file read for its call. */
interface RegisterFile<R extends RegisterKind> {
  kind: R;
  callId: string | null;
  upload: RegisterUpload;
  parse: RegisterParse<RegisterRecord<R>>;
  /** Every problem of the file and its rows: any one and nothing is written. */
  problems: RowProblem[];
}

/** A file compared with the held records: what an import decides before it writes. */
interface Comparison<R extends RegisterKind> extends RegisterFile<R> {
  rows: RegisterRowOutcome[];
  /** The good rows' records under their natural keys. */
  valid: { key: string; record: RegisterRecord<R>; status: RowStatus }[];
  held: Map<string, HeldRecord<R>>;
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

  /** What importing the file would do, row by row and verdict by verdict; writes nothing. */
  preview(actor: ProvinceUser, kind: RegisterKind, upload: RegisterUpload, callId?: string) {
    return rolledBack(this.db, async (repos) => {
      const compared = await compare(repos, await this.read(repos, kind, upload, callId ?? null));
      // With a bad row nothing is written, so there is no effect on verdicts to show yet.
      if (compared.problems.length > 0) return outcomeOf(compared, []);
      const { effect } = await this.write(repos, actor, compared);
      // Its batch is rolled back with the rest: it must not be named as if it existed.
      return outcomeOf(compared, effect);
    });
  }

  /** Writes the file's records, or nothing if any row is bad (REGISTER_ROWS_INVALID, naming each). */
  commit(
    actor: ProvinceUser,
    kind: RegisterKind,
    upload: RegisterUpload,
    callId?: string,
  ): Promise<RegisterOutcome> {
    return inTransaction(this.db, async (repos) => {
      const file = await this.read(repos, kind, upload, callId ?? null);
      refuseRowProblems(file.problems);
      const compared = await compare(repos, file);
      const { batch, effect } = await this.write(repos, actor, compared);
      return outcomeOf(compared, effect, batch);
    });
  }

  /** The latest imports, newest first, with who made them. */
  batches(limit = 100) {
    return this.repos.registers.batches(limit);
  }

  /** The file's records and problems, for the call it names (required for a call-scoped register). */
  private async read<R extends RegisterKind>(
    repos: Repositories,
    kind: R,
    upload: RegisterUpload,
    callId: string | null,
  ): Promise<RegisterFile<R>> {
    const scopedCall = await this.callOf(repos, kind, callId);
    const parse = parseRegisterSheet(kind, upload.sheet);
    return { kind, callId: scopedCall, upload, parse, problems: problemsOf(parse) };
  }

  /**
   * Writes the new and changed records under a batch with their audit entries, and returns which verdicts
   * of the applications they concern change: those judged before and after the write.
   */
  private async write<R extends RegisterKind>(
    repos: Repositories,
    actor: ProvinceUser,
    { kind, callId, upload, rows, valid, held }: Comparison<R>,
  ): Promise<{ batch: RegisterBatchRow; effect: VerdictEffect[] }> {
    const writes: RecordWrite<R>[] = valid
      .filter((r) => r.status !== 'unchanged')
      .map(({ key, record }) => ({ ...(held.has(key) ? { id: held.get(key)!.id } : {}), key, record }));
    const previousOf = new Map([...held.values()].map((h) => [h.id, h.record]));

    const now = this.clock.now();
    const touched = await repos.registers.touchedApplications(
      subjectsOf([...valid.map((r) => r.record), ...previousOf.values()] as Record<string, unknown>[]),
      callId,
    );
    const before = await this.judgeByCall(repos, touched, now);
    const counts = countsOf(rows);
    const batch = await repos.registers.insertBatch({
      kind,
      callId,
      fileName: upload.fileName,
      fileSha256: upload.sha256,
      importedBy: actor.userId,
      importedAt: now,
      rows: rows.length,
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
    });
    const created = await repos.registers.write(kind, callId, batch.id, writes, now);
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
          ...(callId ? { callId } : {}),
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
        callId,
        fileName: upload.fileName,
        fileSha256: upload.sha256,
        counts,
        verdictsChanged: effect.map((e) => e.application),
      },
    });
    return { batch, effect };
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

/**
 * The file's rows compared with the records held under their keys, under the register's lock, which is kept
 * until the transaction ends: imports of one register take turns.
 */
async function compare<R extends RegisterKind>(
  repos: Repositories,
  file: RegisterFile<R>,
): Promise<Comparison<R>> {
  const { kind, callId, parse } = file;
  await repos.registers.lock(kind);
  const held = await repos.registers.held(
    kind,
    callId,
    parse.rows.flatMap((r) => (r.record ? [r.key!] : [])),
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
  const valid = parse.rows.flatMap((r, i) =>
    r.record ? [{ key: r.key!, record: r.record, status: rows[i]!.status }] : [],
  );
  return { ...file, rows, valid, held };
}

function countsOf(rows: RegisterRowOutcome[]): Record<RowStatus, number> {
  return {
    created: rows.filter((r) => r.status === 'created').length,
    updated: rows.filter((r) => r.status === 'updated').length,
    unchanged: rows.filter((r) => r.status === 'unchanged').length,
    invalid: rows.filter((r) => r.status === 'invalid').length,
  };
}

function outcomeOf(
  compared: Comparison<RegisterKind>,
  effect: VerdictEffect[],
  batch?: RegisterBatchRow,
): RegisterOutcome {
  return {
    kind: compared.kind,
    callId: compared.callId,
    fileName: compared.upload.fileName,
    sha256: compared.upload.sha256,
    fileProblems: compared.parse.fileProblems,
    rows: compared.rows,
    counts: countsOf(compared.rows),
    effect,
    batch,
  };
}

function refuseRowProblems(problems: RowProblem[]): void {
  if (problems.length === 0) return;
  throw new AppError('REGISTER_ROWS_INVALID', {
    fields: problems.map((p) => ({
      path: p.row > 0 ? `第${p.row}行.${p.column}` : p.column,
      message: p.message,
    })),
  });
}
