import type { ApplicationRow } from '../../repositories/applications.js';
import type { Department } from '../../repositories/departments.js';
import { quotaHolderId, recommendationRefusals } from '../review/quota.js';
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

/** A recommendation the run wrote: the bundle index of its application and the row as written. */
export interface Written {
  index: number;
  row: ApplicationRow;
}

/**
 * Every recommendation the run wrote, judged as the department's own decision is (review/quota.ts): in the
 * database as it now stands (the documents uploaded here, not those the bundle lists) with every other
 * recommendation under its quota holder. Each refused one is a problem at its `recommendation`.
 */
export async function checkRecommendations(
  run: ImportRun,
  holders: Map<string, Department>,
  recommendedUnder: Map<string, Written[]>,
) {
  for (const holder of holders.values()) {
    const underHolder = await run.repos.review.jurisdiction(holder.id);
    const written = underHolder.flatMap((d) => recommendedUnder.get(d.id) ?? []);
    const refusals = await recommendationRefusals(
      run.repos,
      run.call.parameters,
      holder,
      written.map((w) => w.row),
      run.now,
    );
    for (const { index, row } of written) {
      const refusal = refusals.get(row.id);
      if (refusal) {
        run.problems.push({ path: `applications[${index}].recommendation`, message: refusal.error.message });
      }
    }
  }
}
