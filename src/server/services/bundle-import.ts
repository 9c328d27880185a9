import { applicationFormSchema, type ApplicationForm } from '../../core/application/form.js';
import { formatPath, parseBundle, type BundleProblem } from '../../core/bundle/parse.js';
import type {
  Application,
  Bundle,
  Organization as BundleOrganization,
  Person as BundlePerson,
} from '../../core/bundle/schema.js';
import { checkBundle, type Report } from '../../core/check.js';
import type { TopicNumber } from '../../core/bundle/schema.js';
import { changesWithoutIdNumbers, withoutIdNumbers } from '../audit/personal-data.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { PrincipalOf } from '../principal.js';
import type { ApplicationRow, NewApplication } from '../repositories/applications.js';
import type { Department } from '../repositories/departments.js';
import type { ImportEntity, ImportKey } from '../repositories/import-keys.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { Organization } from '../repositories/organizations.js';
import type { Person } from '../repositories/people.js';
import type { ImportResult } from '../../contract/review.js';
import type { ApplicationStatus } from '../../contract/vocabulary.js';
import { acceptanceNumber } from './applications.js';
import { BundleService } from './bundles.js';
import type { CallService, CallView } from './calls.js';
import { assertReviewOpen, quotaHolderId } from './review.js';
import { diffForm } from './submission-changes.js';

// 导入 shenbao.bundle/1 (批量导入): a department imports applications under itself, the province any. One
// transaction: a bundle with any problem writes nothing. What the import wrote is remembered per call and
// importer (import_keys), so the same bundle again changes nothing and a changed one updates what changed —
// but only what the import itself created: registered organizations and people, and applications made in
// the system, are matched and never changed by an import.

export type Importer = PrincipalOf<'department'> | PrincipalOf<'province'>;

type Outcome = 'created' | 'updated' | 'unchanged';
type Counts = Record<ImportEntity, number>;

const DECIDABLE = new Set<ApplicationStatus>(['submitted', 'recommended', 'not-recommended']);
const STATUS_LABELS: Partial<Record<ApplicationStatus, string>> = {
  returned: '退回修改',
  withdrawn: '作废',
};

/** What an import run has found and done so far. */
class ImportRun {
  readonly problems: BundleProblem[] = [];
  readonly notes: BundleProblem[] = [];
  readonly counts: Record<Outcome, Counts> = {
    created: { organization: 0, person: 0, application: 0 },
    updated: { organization: 0, person: 0, application: 0 },
    unchanged: { organization: 0, person: 0, application: 0 },
  };
  wrote = false;
  private readonly keys: Map<string, ImportKey>;

  constructor(
    readonly repos: Repositories,
    readonly call: CallView,
    readonly importer: Importer,
    readonly now: Date,
    keys: ImportKey[],
  ) {
    this.keys = new Map(keys.map((k) => [`${k.entityType}:${k.bundleId}`, k]));
  }

  get importerKey(): string {
    return this.importer.role === 'department' ? this.importer.departmentId : 'province';
  }

  key(entityType: ImportEntity, bundleId: string): ImportKey | undefined {
    return this.keys.get(`${entityType}:${bundleId}`);
  }

  /** Records what `bundleId` stands for, unless it already does. */
  async remember(entityType: ImportEntity, bundleId: string, dbId: string, created: boolean) {
    const known = this.key(entityType, bundleId);
    if (known && known.dbId === dbId && known.created === created) return;
    const key = {
      callId: this.call.row.id,
      importer: this.importerKey,
      entityType,
      bundleId,
      dbId,
      created,
      createdAt: this.now,
    };
    await this.repos.importKeys.put(key);
    this.keys.set(`${entityType}:${bundleId}`, key);
    this.wrote = true;
  }

  count(outcome: Outcome, entityType: ImportEntity) {
    this.counts[outcome][entityType] += 1;
    if (outcome !== 'unchanged') this.wrote = true;
  }

  async audit(
    action: string,
    entityType: ImportEntity,
    entityId: string,
    before: object | null,
    after: object,
  ) {
    await this.repos.audit.append({
      at: this.now,
      actorUserId: this.importer.userId,
      action: `import.${action}`,
      entityType,
      entityId,
      before: before as Record<string, unknown> | null,
      after: { ...after, callId: this.call.row.id, importer: this.importerKey } as Record<string, unknown>,
    });
  }
}

export class BundleImportService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  /**
   * Writes the bundle into the call, or nothing: parse problems answer 400, anything that cannot be imported
   * (another department's application, a submitted application's content changed, a recommendation the
   * rules or the quota refuse) 422, each with the bundle path it concerns.
   */
  async commit(importer: Importer, callId: string, input: unknown): Promise<ImportResult> {
    const call = await this.calls.require(callId);
    const parsed = parseBundle(input, { knownCall: (id) => id === call.row.baseCallId });
    if (!parsed.ok) {
      throw new AppError('VALIDATION_FAILED', {
        message: `导入包格式有误，共 ${parsed.problems.length} 处，未写入任何数据`,
        fields: parsed.problems,
      });
    }
    const bundle = parsed.bundle;
    const report = checkBundle(bundle, call.parameters);
    const idNumbers = declaredIdNumbers(input);
    return inTransaction(this.db, async (repos) => {
      const now = this.clock.now();
      const importerKey = importer.role === 'department' ? importer.departmentId : 'province';
      // Imports by one importer into one call take turns: two runs of one bundle cannot both create.
      await repos.applications.lockKeys([`import:${callId}:${importerKey}`]);
      const run = new ImportRun(repos, call, importer, now, await repos.importKeys.list(callId, importerKey));
      const departments = await this.resolveDepartments(run, bundle);
      this.checkApplications(run, bundle, report, departments);
      refuseIf(run.problems);

      const involved = [...new Set(departments.values())];
      const holders = await this.lockDepartments(run, involved);
      const orgIds = await this.importOrganizations(run, bundle, departments);
      const personIds = await this.importPeople(run, bundle, orgIds, idNumbers);
      const recommendedUnder = await this.importApplications(run, bundle, departments, orgIds, personIds);
      await this.checkQuotas(run, holders, recommendedUnder);
      refuseIf(run.problems);

      if (run.wrote) {
        if (importer.role === 'department') assertReviewOpen(call, now);
        await repos.audit.append({
          at: now,
          actorUserId: importer.userId,
          action: 'import.bundle',
          entityType: 'import',
          entityId: `${callId}:${importerKey}`,
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

  /** What refuses an application whatever the database holds. */
  private checkApplications(
    run: ImportRun,
    bundle: Bundle,
    report: Report,
    departments: Map<string, Department>,
  ) {
    const verdicts = new Map(report.applications.map((a) => [a.id, a]));
    bundle.applications.forEach((a, i) => {
      const at = `applications[${i}]`;
      const department = departments.get(a.department);
      if (department && run.importer.role === 'department' && department.id !== run.importer.departmentId) {
        run.problems.push({
          path: `${at}.department`,
          message: `申报书“${a.title}”的项目主管部门是“${department.name}”，不是本部门，不能由本部门导入`,
        });
      }
      if (a.directed && run.importer.role !== 'province') {
        run.problems.push({ path: `${at}.directed`, message: '定向组织的申报书只能由省科技厅导入' });
      }
      if (a.recommendation && !a.submittedAt) {
        run.problems.push({
          path: `${at}.recommendation`,
          message: '未提交的申报书（没有 submittedAt）不能带有推荐决定',
        });
      }
      const errors = verdicts.get(a.id)!.findings.filter((f) => f.severity === 'error');
      if (a.recommendation?.status === 'recommended' && errors.length > 0) {
        run.problems.push({
          path: `${at}.recommendation`,
          message: `申报书有 ${errors.length} 个不符合申报要求的问题，不能以推荐导入：${errors.map((f) => f.message).join('；')}`,
        });
      }
      const form = applicationFormSchema.safeParse(formOf(a, bundle));
      if (!form.success) {
        for (const issue of form.error.issues) {
          run.problems.push({ path: `${at}.${formatPath(issue.path)}`, message: issue.message });
        }
      }
      if (a.documents.length > 0) {
        run.notes.push({
          path: `${at}.documents`,
          message: `导入包列出的 ${a.documents.length} 份附件只有说明、没有文件，未导入；须由申报单位在本系统上传`,
        });
      }
    });
  }

  /**
   * Locks, in the order decisions take them, every quota holder (the city for a county) of the departments
   * the bundle writes to, then the departments themselves: the quota counted at the end stays true.
   */
  private async lockDepartments(run: ImportRun, involved: Department[]): Promise<Map<string, Department>> {
    const holders = new Map<string, Department>();
    for (const id of [...new Set(involved.map((d) => quotaHolderId(run.call.parameters, d)))].sort()) {
      holders.set(id, (await run.repos.review.lockDepartment(id))!);
    }
    for (const d of [...involved].sort((a, b) => a.id.localeCompare(b.id))) {
      if (!holders.has(d.id)) await run.repos.review.lockDepartment(d.id);
    }
    return holders;
  }

  /** Applicants and PIs' employers, by credit code; partners stay in the form. Returns bundle id → row id. */
  private async importOrganizations(
    run: ImportRun,
    bundle: Bundle,
    departments: Map<string, Department>,
  ): Promise<Map<string, string>> {
    const pis = new Set(bundle.applications.map((a) => a.pi));
    const needed = new Set([
      ...bundle.applications.map((a) => a.applicant),
      ...bundle.people.filter((p) => pis.has(p.id)).map((p) => p.employer),
    ]);
    const wanted = bundle.organizations.filter((o) => needed.has(o.id));
    // Locked before the lookup: a concurrent import or registration of the same code has committed by then.
    await run.repos.applications.lockKeys(wanted.map((o) => `credit:${o.creditCode}`));
    const existing = new Map(
      (await run.repos.importKeys.organizationsByCreditCode(wanted.map((o) => o.creditCode))).map((o) => [
        o.creditCode,
        o,
      ]),
    );
    const ids = new Map<string, string>();
    for (const o of wanted) {
      const i = bundle.organizations.indexOf(o);
      const firstApplication = bundle.applications.find((a) => a.applicant === o.id);
      const departmentId = firstApplication ? departments.get(firstApplication.department)?.id : undefined;
      const values = organizationValues(o);
      const found = existing.get(o.creditCode);
      if (!found) {
        const row = await run.repos.organizations.insert({
          creditCode: o.creditCode,
          ...values,
          departmentId: departmentId ?? null,
        });
        await run.repos.importKeys.replaceOngoingProjects(row.id, o.ongoingProjects);
        existing.set(o.creditCode, row);
        await run.remember('organization', o.id, row.id, true);
        await run.audit('organization-created', 'organization', row.id, null, {
          creditCode: o.creditCode,
          ...values,
          ongoingProjects: o.ongoingProjects,
          departmentId,
        });
        run.count('created', 'organization');
        ids.set(o.id, row.id);
        continue;
      }
      ids.set(o.id, found.id);
      const ours = run.key('organization', o.id);
      const before = {
        ...organizationValues(found),
        ongoingProjects: await this.ongoingOf(run, found.id),
      };
      const after = { ...values, ongoingProjects: o.ongoingProjects.map(ongoingSnapshot) };
      const changes = diffForm(
        { ...before, departmentId: found.departmentId },
        { ...after, departmentId: departmentId ?? found.departmentId },
      );
      if (ours?.created && ours.dbId === found.id) {
        if (changes.length === 0) {
          run.count('unchanged', 'organization');
          continue;
        }
        await run.repos.importKeys.updateOrganization(found.id, {
          ...values,
          departmentId: departmentId ?? found.departmentId,
        });
        await run.repos.importKeys.replaceOngoingProjects(found.id, o.ongoingProjects);
        await run.audit('organization-updated', 'organization', found.id, before, { changes });
        run.count('updated', 'organization');
        continue;
      }
      await run.remember('organization', o.id, found.id, false);
      run.count('unchanged', 'organization');
      if (diffForm(before, after).length > 0) {
        run.notes.push({
          path: `organizations[${i}]`,
          message: `单位“${found.name}”已在本系统登记（统一社会信用代码 ${o.creditCode}），其信息以本系统为准，导入不作修改`,
        });
      }
    }
    return ids;
  }

  /** The PIs, within their employer: by the key of an earlier import, else the ID number, else the name. */
  private async importPeople(
    run: ImportRun,
    bundle: Bundle,
    orgIds: Map<string, string>,
    idNumbers: Map<string, string>,
  ): Promise<Map<string, string>> {
    const pis = new Set(bundle.applications.map((a) => a.pi));
    const wanted = bundle.people.filter((p) => pis.has(p.id));
    const known = await run.repos.importKeys.peopleOf([
      ...new Set(wanted.map((p) => orgIds.get(p.employer)!)),
    ]);
    const ids = new Map<string, string>();
    for (const p of wanted) {
      const i = bundle.people.indexOf(p);
      const employerId = orgIds.get(p.employer)!;
      const idNumber = idNumbers.get(p.id) ?? null;
      const colleagues = known.filter((k) => k.employerId === employerId);
      const ours = run.key('person', p.id);
      const keyed = ours && colleagues.find((k) => k.id === ours.dbId);
      const sameName = colleagues.filter((k) => k.name === p.name);
      if (!keyed && !idNumber && sameName.length > 1) {
        run.problems.push({
          path: `people[${i}].name`,
          message: `单位中有 ${sameName.length} 位名为“${p.name}”的人员，请在 idNumber 中注明证件号码以区分`,
        });
        continue;
      }
      const match = keyed ?? (idNumber ? colleagues.find((k) => k.idNumber === idNumber) : sameName[0]);
      const values = personValues(p, idNumber ?? match?.idNumber ?? null);
      if (!match) {
        const row = await run.repos.people.insert({ employerId, ...values });
        known.push(row);
        await run.remember('person', p.id, row.id, true);
        await run.audit('person-created', 'person', row.id, null, {
          employerId,
          ...withoutIdNumbers(values),
        });
        run.count('created', 'person');
        ids.set(p.id, row.id);
        continue;
      }
      ids.set(p.id, match.id);
      const changes = diffForm(personValues(match, match.idNumber), values);
      if (ours?.created && ours.dbId === match.id && changes.length > 0) {
        await run.repos.importKeys.updatePerson(match.id, values);
        await run.audit(
          'person-updated',
          'person',
          match.id,
          withoutIdNumbers(personValues(match, match.idNumber)),
          { changes: changesWithoutIdNumbers(changes) },
        );
        run.count('updated', 'person');
        continue;
      }
      if (!ours?.created || ours.dbId !== match.id) await run.remember('person', p.id, match.id, false);
      run.count('unchanged', 'person');
    }
    return ids;
  }

  /** Returns, per quota holder, the bundle indexes of applications this run made or left recommended anew. */
  private async importApplications(
    run: ImportRun,
    bundle: Bundle,
    departments: Map<string, Department>,
    orgIds: Map<string, string>,
    personIds: Map<string, string>,
  ): Promise<Map<string, number[]>> {
    const recommendedUnder = new Map<string, number[]>();
    const confirmed = new Map<string, boolean>();
    const isConfirmed = async (departmentId: string) => {
      if (!confirmed.has(departmentId)) {
        const row = await run.repos.review.confirmation(departmentId, run.call.row.id);
        confirmed.set(departmentId, row !== undefined);
      }
      return confirmed.get(departmentId)!;
    };
    for (const [i, a] of bundle.applications.entries()) {
      const at = `applications[${i}]`;
      const department = departments.get(a.department)!;
      const piId = personIds.get(a.pi);
      if (!piId) continue; // its PI is a problem already
      const target = applicationValues(a, bundle, orgIds.get(a.applicant)!, piId, department.id);
      const ours = run.key('application', a.id);
      const existing = ours ? await run.repos.applications.lock(ours.dbId) : undefined;
      const locked = `${department.name}已网上确认提交推荐名单，导入不能再新增或修改其申报书`;
      if (!existing) {
        if (isUuid(a.id) && (await run.repos.applications.findById(a.id))) {
          run.problems.push({
            path: `${at}.id`,
            message: '这是本系统已有的申报书（导出包中的编号），不能作为新的申报书导入',
          });
          continue;
        }
        if (await isConfirmed(department.id)) {
          run.problems.push({ path: at, message: locked });
          continue;
        }
        const acceptanceNo =
          target.status === 'draft'
            ? null
            : acceptanceNumber(
                run.call.row.id,
                await run.repos.applications.nextAcceptanceNumber(run.call.row.id),
              );
        const row = await run.repos.applications.insert({ callId: run.call.row.id, ...target, acceptanceNo });
        await run.repos.applications.addEvent(
          {
            applicationId: row.id,
            at: run.now,
            actorUserId: run.importer.userId,
            kind: 'imported',
            detail: { bundleId: a.id, acceptanceNo },
          },
          { from: null, to: row.status },
        );
        await run.remember('application', a.id, row.id, true);
        run.count('created', 'application');
        if (row.status === 'recommended') push(recommendedUnder, department.id, i);
        continue;
      }
      const content = diffForm(contentSnapshot(existing), contentSnapshot(target));
      const decision = diffForm(decisionSnapshot(existing), decisionSnapshot(target));
      if (content.length === 0 && decision.length === 0) {
        run.count('unchanged', 'application');
        continue;
      }
      if (await isConfirmed(existing.departmentId)) {
        run.problems.push({ path: at, message: locked });
        continue;
      }
      if (existing.status !== 'draft' && content.length > 0) {
        run.problems.push({
          path: at,
          message: `申报书已提交（受理编号 ${existing.acceptanceNo}），内容不能通过导入修改（${content.map((c) => c.path).join('、')}）；如需修改，请退回申报单位修改后重新提交`,
        });
        continue;
      }
      if (existing.status !== 'draft' && !DECIDABLE.has(existing.status)) {
        run.problems.push({
          path: `${at}.recommendation`,
          message: `申报书当前为“${STATUS_LABELS[existing.status] ?? existing.status}”状态，导入不能改变其推荐决定`,
        });
        continue;
      }
      const changes: Partial<NewApplication> =
        existing.status === 'draft' ? { ...target } : decisionOf(target);
      if (existing.status === 'draft' && target.status !== 'draft' && !existing.acceptanceNo) {
        changes.acceptanceNo = acceptanceNumber(
          run.call.row.id,
          await run.repos.applications.nextAcceptanceNumber(run.call.row.id),
        );
      }
      const updated = await run.repos.applications.updateAtVersion(existing.id, existing.version, changes);
      if (!updated) throw new AppError('VERSION_CONFLICT');
      await run.repos.applications.addEvent(
        {
          applicationId: existing.id,
          at: run.now,
          actorUserId: run.importer.userId,
          kind: 'import-updated',
          detail: { bundleId: a.id, changes: [...content, ...decision] },
        },
        { from: existing.status, to: updated.status },
      );
      run.count('updated', 'application');
      if (updated.status === 'recommended') push(recommendedUnder, department.id, i);
    }
    return recommendedUnder;
  }

  /** The 专题四、五 quota of every holder a recommendation was written under, recounted from the database. */
  private async checkQuotas(
    run: ImportRun,
    holders: Map<string, Department>,
    recommendedUnder: Map<string, number[]>,
  ) {
    const quotas = run.call.parameters.quotas.value;
    for (const holder of holders.values()) {
      const underHolder = await run.repos.review.jurisdiction(holder.id);
      const written = underHolder.flatMap((d) => recommendedUnder.get(d.id) ?? []);
      if (written.length === 0) continue;
      const recommended = await run.repos.review.received(
        underHolder.map((d) => d.id),
        { callId: run.call.row.id, status: 'recommended' },
      );
      const { report } = await new BundleService(run.repos).judge(run.call.parameters, recommended, run.now);
      const over = report.departments
        .find((d) => d.id === holder.id)
        ?.findings.filter((f) => f.rule === 'quota.department');
      if (!over || over.length === 0) continue;
      const counted = recommended.filter(
        (r) => quotas.topics.includes(r.topic as TopicNumber) && !r.separateSlot,
      ).length;
      for (const i of written) {
        run.problems.push({
          path: `applications[${i}].recommendation`,
          message: `导入后${holder.name}专题四、五推荐 ${counted} 项（不含单独推荐名额），超过限额 ${quotas.byDepartmentKind[holder.kind]} 项`,
        });
      }
    }
  }

  private async ongoingOf(run: ImportRun, organizationId: string) {
    return (await run.repos.bundles.ongoingProjects([organizationId])).map(ongoingSnapshot);
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

function push(map: Map<string, number[]>, key: string, value: number) {
  map.set(key, [...(map.get(key) ?? []), value]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (id: string) => UUID.test(id);

/** `people[i].idNumber`: not in the bundle's schema (extra fields are ignored by the checker), read by the import. */
function declaredIdNumbers(input: unknown): Map<string, string> {
  const people = (input as { people?: unknown }).people;
  const found = new Map<string, string>();
  if (!Array.isArray(people)) return found;
  for (const p of people as { id?: unknown; idNumber?: unknown }[]) {
    if (typeof p?.id === 'string' && typeof p.idNumber === 'string' && p.idNumber.trim() !== '') {
      found.set(p.id, p.idNumber.trim().toUpperCase());
    }
  }
  return found;
}

/** The fields of an organization that a bundle and the database share, under the same names. */
const ORGANIZATION_FIELDS = [
  'name',
  'kind',
  'inJiangsu',
  'registeredOn',
  'independentLegalEntity',
  'ministryOrProvincialUniversity',
  'platforms',
] as const;

function pick<T, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>;
}

/** A bundle's organization or a row, in one shape: what an import writes and compares. */
const organizationValues = (o: BundleOrganization | Organization) => ({
  ...pick(o, ORGANIZATION_FIELDS),
  dishonestyUntil: o.dishonestyUntil ?? null,
});

const ongoingSnapshot = (p: { program: string; title?: string | null | undefined }) => ({
  program: p.program,
  title: p.title ?? null,
});

/** A bundle's person or a row, in one shape. */
const personValues = (p: BundlePerson | Person, idNumber: string | null) => ({
  name: p.name,
  idNumber,
  ongoingProvincialProjects: p.ongoingProvincialProjects,
  dishonestyUntil: p.dishonestyUntil ?? null,
});

/** The form as applicants fill it; domestic partners carry their name, code, kind and province. */
function formOf(a: Application, bundle: Bundle): ApplicationForm {
  const orgs = new Map(bundle.organizations.map((o) => [o.id, o]));
  return {
    title: a.title,
    summary: a.summary,
    field: a.field,
    ...(a.partner ? { partner: { ...a.partner } } : {}),
    domesticPartners: a.domesticPartners.map((id) => {
      const o = orgs.get(id)!;
      return { name: o.name, creditCode: o.creditCode, kind: o.kind, inJiangsu: o.inJiangsu };
    }),
    budget: { ...a.budget },
    ethics: { ...a.ethics },
    classified: a.classified,
    ...(a.largeInstrumentPurchase ? { largeInstrumentPurchase: { ...a.largeInstrumentPurchase } } : {}),
  };
}

type ApplicationValues = Required<
  Pick<
    NewApplication,
    | 'organizationId'
    | 'piId'
    | 'departmentId'
    | 'topic'
    | 'direction'
    | 'directed'
    | 'form'
    | 'status'
    | 'submittedAt'
    | 'separateSlot'
    | 'recommendationAt'
  >
>;

/**
 * An application with `submittedAt` is imported as submitted (with an acceptance number), with its
 * recommendation as recommended or not; without, as a draft of its applicant.
 */
function applicationValues(
  a: Application,
  bundle: Bundle,
  organizationId: string,
  piId: string,
  departmentId: string,
): ApplicationValues {
  const recommendation = a.submittedAt ? a.recommendation : undefined;
  return {
    organizationId,
    piId,
    departmentId,
    topic: a.topic,
    direction: a.direction ?? null,
    directed: a.directed,
    form: applicationFormSchema.parse(formOf(a, bundle)),
    status: a.submittedAt ? (recommendation?.status ?? 'submitted') : 'draft',
    submittedAt: a.submittedAt ? new Date(a.submittedAt) : null,
    separateSlot: recommendation?.status === 'recommended' && recommendation.separateSlot,
    recommendationAt: recommendation ? new Date(recommendation.at) : null,
  };
}

function decisionOf(values: ApplicationValues) {
  return {
    status: values.status,
    separateSlot: values.separateSlot,
    recommendationAt: values.recommendationAt,
  };
}

const instant = (d: Date | null) => (d ? d.getTime() : null);

function contentSnapshot(row: ApplicationValues | ApplicationRow) {
  return {
    organizationId: row.organizationId,
    piId: row.piId,
    departmentId: row.departmentId,
    topic: row.topic,
    direction: row.direction,
    directed: row.directed,
    form: row.form,
    submittedAt: instant(row.submittedAt),
  };
}

function decisionSnapshot(row: ApplicationValues | ApplicationRow) {
  return { ...decisionOf(row), recommendationAt: instant(row.recommendationAt) };
}
