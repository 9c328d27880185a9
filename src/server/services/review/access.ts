import { formatBeijing } from '../../../core/time.js';
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { PrincipalOf } from '../../principal.js';
import type { ApplicationRow } from '../../repositories/applications.js';
import type { Repositories } from '../../repositories/index.js';
import { receivedWithin } from '../application-access.js';
import type { CallView } from '../calls.js';

// What review and quota decisions share: which applications a department may see and act on, and the
// recommendation deadline that closes its review.

export type DepartmentUser = PrincipalOf<'department'>;

/** The statuses a department decides on: a decision can be changed until its list is confirmed. */
export const DECIDABLE = new Set<ApplicationRow['status']>(['submitted', 'recommended', 'not-recommended']);

/**
 * The application if the department may see it: its own, or (a city) its counties'. Anything else,
 * drafts included, is answered as missing. `write`: only its own.
 */
export async function findReceived(repos: Repositories, actor: DepartmentUser, id: string, write: boolean) {
  const row = await repos.applications.findById(id);
  const departments = await repos.review.jurisdiction(actor.departmentId);
  if (!row || !receivedWithin(row, departments)) {
    throw new AppError('NOT_FOUND');
  }
  if (write && row.departmentId !== actor.departmentId) {
    throw new AppError('FORBIDDEN', { message: '县（市）的申报书由其主管部门审核推荐，设区市只能查看' });
  }
  return { row, departments };
}

/** The application, locked, if the department may still act on it. */
export async function lockDecidable(
  repos: Repositories,
  clock: Clock,
  call: CallView,
  id: string,
): Promise<ApplicationRow> {
  const locked = (await repos.applications.lock(id))!;
  if (await repos.review.confirmation(locked.departmentId, locked.callId)) {
    throw new AppError('LIST_CONFIRMED');
  }
  assertReviewOpen(call, clock.now());
  if (!DECIDABLE.has(locked.status)) throw new AppError('STATUS_CONFLICT');
  return locked;
}

/** Writes `changes` to the application locked at its version. */
export async function updateLocked(
  repos: Repositories,
  locked: ApplicationRow,
  changes: Partial<ApplicationRow>,
): Promise<void> {
  const updated = await repos.applications.updateAtVersion(locked.id, locked.version, changes);
  if (!updated) throw new AppError('VERSION_CONFLICT');
}

/** Returns, decisions, 形式审查 and confirmation close at the department's recommendation deadline (北京时间). */
export function assertReviewOpen(call: CallView, now: Date): void {
  const closes = call.row.recommendationClosesAt;
  if (call.row.readOnly || now >= closes) {
    throw new AppError('REVIEW_CLOSED', {
      message: `主管部门网上审核推荐已于北京时间 ${formatBeijing(closes.getTime())} 截止，不能再退回、推荐、修改形式审查或确认`,
    });
  }
}
