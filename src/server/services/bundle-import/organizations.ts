import type { Organization as BundleOrganization, Bundle } from '../../../core/bundle/schema.js';
import type { Department } from '../../repositories/departments.js';
import type { Organization } from '../../repositories/organizations.js';
import { diffForm } from '../submission-changes.js';
import type { ImportRun } from './run.js';

/**
 * Applicants and PIs' employers, by credit code; partners stay in the form. Returns bundle id → row id of
 * those the run may write under. A department writes only under organizations new to the system and those its
 * own imports created under it; the province also under any other, whose details it leaves as they are.
 */
export async function importOrganizations(
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
  const creators = await run.repos.importKeys.creators(
    'organization',
    [...existing.values()].map((o) => o.id),
  );
  const ids = new Map<string, string>();
  for (const o of wanted) {
    const i = bundle.organizations.indexOf(o);
    if (o.platforms.length > 0) {
      run.notes.push({
        path: `organizations[${i}].platforms`,
        message: `单位“${o.name}”的平台资质须由省科技厅在系统中登记（附证明材料和有效期），导入不作登记`,
      });
    }
    const firstApplication = bundle.applications.find((a) => a.applicant === o.id);
    const departmentId = firstApplication ? departments.get(firstApplication.department)?.id : undefined;
    const values = organizationValues(o);
    const found = existing.get(o.creditCode);
    if (!found) {
      const row = await run.repos.organizations.insert({
        creditCode: o.creditCode,
        ...values,
        departmentId: departmentId ?? null,
        // A department's import is its paper intake: the department vouches for what it enters.
        verification: 'approved',
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
    const createdBy = creators.get(found.id) ?? new Set<string>();
    const createdByUs = createdBy.has(run.importerKey);
    const refusal =
      run.importer.role === 'department' &&
      (await refusalOf(run, run.importer.departmentId, found, createdBy));
    if (refusal) {
      run.problems.push({ path: `organizations[${i}].creditCode`, message: refusal });
      continue;
    }
    // Perhaps created by this importer in another call: this call's bundle id now stands for it too.
    if (createdByUs) await run.remember('organization', o.id, found.id, true);
    ids.set(o.id, found.id);
    const before = {
      ...organizationValues(found),
      ongoingProjects: await ongoingOf(run, found.id),
    };
    const after = { ...values, ongoingProjects: o.ongoingProjects.map(ongoingSnapshot) };
    const changes = diffForm(
      { ...before, departmentId: found.departmentId },
      { ...after, departmentId: departmentId ?? found.departmentId },
    );
    if (createdByUs) {
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

/** Why a department's import may not write under an organization the system already holds, if it may not. */
async function refusalOf(run: ImportRun, departmentId: string, found: Organization, createdBy: Set<string>) {
  const named = `单位“${found.name}”（统一社会信用代码 ${found.creditCode}）`;
  const cannot = '导入不能以其名义新建或修改申报书、人员和附件';
  if (found.departmentId !== departmentId) {
    const owner = found.departmentId ? await run.repos.departments.findById(found.departmentId) : undefined;
    return `${named}${owner ? `隶属于${owner.name}` : '不隶属于本部门'}，${cannot}`;
  }
  if (createdBy.has(departmentId)) return undefined;
  return createdBy.size === 0
    ? `${named}已在本系统自行注册，${cannot}；其申报由该单位在本系统办理`
    : `${named}不是本部门导入建立的，${cannot}`;
}

async function ongoingOf(run: ImportRun, organizationId: string) {
  return (await run.repos.bundles.ongoingProjects([organizationId])).map(ongoingSnapshot);
}

/** The fields of an organization that a bundle and the database share, under the same names. */
const ORGANIZATION_FIELDS = [
  'name',
  'kind',
  'inJiangsu',
  'registeredOn',
  'independentLegalEntity',
  'ministryOrProvincialUniversity',
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
