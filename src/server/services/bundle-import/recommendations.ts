import type { TopicNumber } from '../../../core/bundle/schema.js';
import type { Department } from '../../repositories/departments.js';
import { BundleService } from '../bundles.js';
import { quotaHolderId } from '../review/quota.js';
import type { ImportRun } from './run.js';

/**
 * Locks, in the order decisions take them, every quota holder (the city for a county) of the departments
 * the bundle writes to, then the departments themselves: the quota counted at the end stays true.
 */
export async function lockDepartments(
  run: ImportRun,
  involved: Department[],
): Promise<Map<string, Department>> {
  const holders = new Map<string, Department>();
  for (const id of [...new Set(involved.map((d) => quotaHolderId(run.call.parameters, d)))].sort()) {
    holders.set(id, (await run.repos.review.lockDepartment(id))!);
  }
  for (const d of [...involved].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!holders.has(d.id)) await run.repos.review.lockDepartment(d.id);
  }
  return holders;
}

/** The 专题四、五 quota of every holder a recommendation was written under, recounted from the database. */
export async function checkQuotas(
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
