import type { BundleProblem, ParseResult } from '../../../core/bundle/parse.js';
import type { Bundle } from '../../../core/bundle/schema.js';
import type { ImportPreview, ImportResult } from '../../../contract/review.js';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { ApplicationRow } from '../../repositories/applications.js';
import type { Department } from '../../repositories/departments.js';
import { inTransaction, rolledBack, type Repositories } from '../../repositories/index.js';
import type { CallService, CallView } from '../calls.js';
import { assertReviewOpen } from '../review/access.js';
import { checkApplications, importApplications } from './applications.js';
import { importOrganizations } from './organizations.js';
import { importPeople } from './people.js';
import { judgeWritten, plansOf, verdictsOf } from './preview.js';
import type { ReadBundle } from './read.js';
import type { BundleReader } from './reader.js';
import { checkRecommendations, lockDepartments } from './recommendations.js';
import { ImportRun, type Counts, type Importer } from './run.js';

// 导入 shenbao.bundle/1 (批量导入): a department's paper intake. It imports applications under itself, the
// province under any department. One transaction: a bundle with any problem writes nothing. A department
// writes only under organizations new to the system and those its own imports created; an organization that
// registered itself, or one under another department, is refused. What the import wrote is remembered per
// call and importer (import_keys), so the same bundle again changes nothing and a changed one updates what
// changed, but only what the importer itself created. Each step has its file beside this one. The bundle is
// judged under the call it is imported into, as the department's review judges what it wrote.

export class BundleImportService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calls: CallService,
    private readonly reader: BundleReader,
  ) {}

  /** Stops the idle parse workers. */
  close(): Promise<void> {
    return this.reader.close();
  }

  /**
   * Writes the bundle into the call, or nothing: parse problems answer 400, anything that cannot be imported
   * (another department's application or organization, a registered organization, a submitted application's
   * content changed, a recommendation the rules or the quota refuse) 422, each with the bundle path it concerns.
   */
  async commit(importer: Importer, callId: string, body: Uint8Array): Promise<ImportResult> {
    const call = await this.calls.require(callId);
    const read = await this.reader.read(body);
    const parsed = parsedFor(call, read);
    if (!parsed.ok) {
      throw new AppError('VALIDATION_FAILED', {
        message: `导入包格式有误，共 ${parsed.problems.length} 处，未写入任何数据`,
        fields: parsed.problems,
      });
    }
    const bundle = parsed.bundle;
    return inTransaction(this.db, async (repos) => {
      const { run } = await this.execute(repos, importer, call, bundle, read.idNumbers, { stopEarly: true });
      refuseIf(run.problems);
      if (run.wrote) {
        if (importer.role === 'department') assertReviewOpen(call, run.now);
        await repos.audit.append({
          at: run.now,
          actorUserId: importer.userId,
          action: 'import.bundle',
          entityType: 'import',
          entityId: `${callId}:${run.importerKey}`,
          before: null,
          after: { created: run.counts.created, updated: run.counts.updated },
        });
      }
      if (bundle.externalSubmissions.length > 0) {
        run.notes.push({
          path: 'externalSubmissions',
          message: `其他计划的 ${bundle.externalSubmissions.length} 项申报情况不导入：本系统按自己的数据判断限项`,
        });
      }
      return {
        callId,
        created: plural(run.counts.created),
        updated: plural(run.counts.updated),
        unchanged: plural(run.counts.unchanged),
        applications: await this.outcomes(run, bundle),
        notes: run.notes,
      };
    });
  }

  /**
   * The bundle's verdicts and, row by row, what `commit` would do with each application: the import itself,
   * run to the end in a transaction that is rolled back. The call is the bundle's own unless named.
   */
  async preview(importer: Importer, body: Uint8Array, callId?: string): Promise<ImportPreview> {
    const named = callId === undefined ? undefined : await this.calls.require(callId);
    const read = await this.reader.read(body);
    const call = named ?? (await this.ownCall(read));
    const parsed = parsedFor(call, read);
    if (!parsed.ok || !call) {
      const problems = parsed.ok ? [] : parsed.problems;
      return { ok: false, call: read.call, problems, applications: [], departments: [] };
    }
    const bundle = parsed.bundle;
    return rolledBack(this.db, async (repos) => {
      const { run, departments } = await this.execute(repos, importer, call, bundle, read.idNumbers, {
        stopEarly: false,
      });
      const importProblems = [...run.problems];
      if (run.wrote && importer.role === 'department') {
        try {
          assertReviewOpen(call, run.now);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          importProblems.push({ path: '', message: error.message });
        }
      }
      const judged = await judgeWritten(run, bundle);
      return { ...verdictsOf(run, bundle, judged, plansOf(run, bundle, departments)), importProblems };
    });
  }

  /** The call a bundle names, if the system has it. */
  private async ownCall(read: ReadBundle): Promise<CallView | undefined> {
    if (read.call === null) return undefined;
    try {
      return await this.calls.require(read.call);
    } catch (error) {
      if (error instanceof AppError && error.code === 'CALL_NOT_FOUND') return undefined;
      throw error;
    }
  }

  /**
   * Runs every step in `repos`' transaction. With `stopEarly`, the writing steps are not reached when the
   * applications themselves are refused; without, they run for the applications that are not.
   */
  private async execute(
    repos: Repositories,
    importer: Importer,
    call: CallView,
    bundle: Bundle,
    idNumbers: Map<string, string>,
    { stopEarly }: { stopEarly: boolean },
  ): Promise<{ run: ImportRun; departments: Map<string, Department> }> {
    const importerKey = importer.role === 'department' ? importer.departmentId : 'province';
    // Imports by one importer into one call take turns: two runs of one bundle cannot both create.
    await repos.applications.lockKeys([`import:${call.row.id}:${importerKey}`]);
    const keys = await repos.importKeys.list(call.row.id, importerKey);
    const run = new ImportRun(repos, call, importer, this.clock.now(), keys);
    const departments = await this.resolveDepartments(run, bundle);
    checkApplications(run, bundle, departments);
    if (stopEarly) refuseIf(run.problems);

    const holders = await lockDepartments(run, [...new Set(departments.values())]);
    const orgIds = await importOrganizations(run, bundle, departments);
    const personIds = await importPeople(run, bundle, orgIds, idNumbers);
    const recommendedUnder = await importApplications(run, bundle, departments, orgIds, personIds);
    await checkRecommendations(run, holders, recommendedUnder);
    return { run, departments };
  }

  /** The database's department for each bundle department an application names: by id, else by name. */
  private async resolveDepartments(run: ImportRun, bundle: Bundle): Promise<Map<string, Department>> {
    const known = await run.repos.departments.list();
    const used = new Set(bundle.applications.map((a) => a.department));
    const resolved = new Map<string, Department>();
    bundle.departments.forEach((d, i) => {
      if (!used.has(d.id)) return;
      const match = known.find((k) => k.id === d.id) ?? known.find((k) => k.name === d.name);
      if (match) resolved.set(d.id, match);
      else
        run.problems.push({
          path: `departments[${i}].name`,
          message: `项目主管部门“${d.name}”在本系统中不存在，请使用本系统中的主管部门名称`,
        });
    });
    return resolved;
  }

  private async outcomes(run: ImportRun, bundle: Bundle): Promise<ImportResult['applications']> {
    const rows: (ApplicationRow | undefined)[] = [];
    for (const a of bundle.applications) {
      rows.push(await run.repos.applications.findById(run.key('application', a.id)!.dbId));
    }
    return bundle.applications.map((a, i) => ({
      id: a.id,
      applicationId: rows[i]!.id,
      acceptanceNo: rows[i]!.acceptanceNo,
      status: rows[i]!.status,
    }));
  }
}

/**
 * The bundle as `call` reads it: one that names the call or its base call (a practice call's bundles, and an
 * export of the practice call, name either); with no call to import into, its `call` is unknown.
 */
function parsedFor(call: CallView | undefined, read: ReadBundle): ParseResult {
  // A bundle that names no call at all has that problem from the schema.
  if (read.call === null || read.call === call?.row.id || read.call === call?.row.baseCallId)
    return read.parsed;
  const problem = {
    path: 'call',
    message: call
      ? `数据包的申报计划为“${read.call}”，不是导入的计划“${call.row.name}”（${call.row.id}）`
      : `未知的申报计划 “${read.call}”`,
  };
  return { ok: false, problems: [problem, ...(read.parsed.ok ? [] : read.parsed.problems)] };
}

function refuseIf(problems: BundleProblem[]): void {
  if (problems.length === 0) return;
  throw new AppError('IMPORT_REFUSED', {
    message: `导入包中有 ${problems.length} 处不能导入，未写入任何数据；请按所列问题修改后重新导入`,
    fields: problems,
  });
}

function plural(counts: Counts) {
  return { organizations: counts.organization, people: counts.person, applications: counts.application };
}
