import type { Principal } from '../principal.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { ApplicationRow } from '../repositories/applications.js';
import type { AvoidedExpertRow } from '../repositories/avoided-experts.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { AvoidedExpertBody } from '../../contract/avoided-experts.js';
import { APPLICATION_STATUS_LABELS } from '../../contract/vocabulary.js';
import { type Applicant, canEdit, canRead, isEditable } from './application-access.js';
import { type CallService, parametersOf } from './calls.js';

// 回避专家 (issue 14 §2): while the application can be edited its applicant (unit admin, contact, PI: whoever
// may edit it) names up to the call's `review.avoidedExpertsMax` experts to avoid. They are kept beside the
// 申报书, not in it: departments and the province read them, experts never (an expert cannot read the
// application through `canRead`). Expert review matches them against the pool as conflicts.

export interface AvoidedExpertList {
  rows: AvoidedExpertRow[];
  max: number;
  editable: boolean;
}

const audited = (row: AvoidedExpertRow) => ({
  avoidedExpertId: row.id,
  name: row.name,
  organization: row.organization,
  reason: row.reason,
});

export class AvoidedExpertService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  /** Whoever reads the application; anyone else is answered as for a missing one. */
  async list(actor: Principal, applicationId: string): Promise<AvoidedExpertList> {
    const application = await this.repos.applications.findById(applicationId);
    if (!application || !canRead(actor, application)) throw new AppError('NOT_FOUND');
    const call = await this.calls.require(application.callId);
    return {
      rows: await this.repos.avoidedExperts.list([applicationId]),
      max: call.parameters.review.value.avoidedExpertsMax,
      editable: canEdit(actor, application) && isEditable(application),
    };
  }

  async add(actor: Applicant, applicationId: string, body: AvoidedExpertBody): Promise<AvoidedExpertRow> {
    return inTransaction(this.db, async (repos) => {
      const application = editable(actor, await repos.applications.lock(applicationId));
      const call = await repos.calls.findById(application.callId);
      const max = parametersOf(call!).review.value.avoidedExpertsMax;
      if ((await repos.avoidedExperts.count(applicationId)) >= max) {
        throw new AppError('AVOIDED_EXPERTS_FULL', {
          message: `回避专家最多 ${max} 位，已达上限，不能再添加；如需更换请先删除一位`,
        });
      }
      const now = this.clock.now();
      const row = await repos.avoidedExperts.insert({
        applicationId,
        ...body,
        createdAt: now,
        createdBy: actor.userId,
      });
      await repos.audit.append({
        at: now,
        actorUserId: actor.userId,
        action: 'application.avoided-expert.added',
        entityType: 'application',
        entityId: applicationId,
        after: audited(row),
      });
      return row;
    });
  }

  async remove(actor: Applicant, applicationId: string, avoidedId: string): Promise<void> {
    await inTransaction(this.db, async (repos) => {
      editable(actor, await repos.applications.lock(applicationId));
      const row = await repos.avoidedExperts.delete(applicationId, avoidedId);
      if (!row) throw new AppError('NOT_FOUND');
      await repos.audit.append({
        at: this.clock.now(),
        actorUserId: actor.userId,
        action: 'application.avoided-expert.removed',
        entityType: 'application',
        entityId: applicationId,
        before: audited(row),
      });
    });
  }
}

/** The application, if `actor` may edit it and it is a draft or returned; else missing, or NOT_EDITABLE. */
function editable(actor: Applicant, application: ApplicationRow | undefined): ApplicationRow {
  if (!application || !canEdit(actor, application)) throw new AppError('NOT_FOUND');
  if (!isEditable(application)) {
    throw new AppError('NOT_EDITABLE', {
      message: `申报书${APPLICATION_STATUS_LABELS[application.status]}，不能再修改回避专家；如需修改请联系项目主管部门退回`,
    });
  }
  return application;
}
