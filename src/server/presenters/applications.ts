import { toBeijingIso } from '../../core/time.js';
import type { ApplicationEventRow, NamedApplication } from '../repositories/applications.js';
import type { ApplicationDto, Evaluation, applicationResponseSchema } from '../../contract/applications.js';
import { isEditable } from '../services/application-access.js';
import type { ApplicationEvaluation, ApplicationView, ReceiptView } from '../services/applications.js';
import type { z } from 'zod';
import { presentFinalization } from './finalization.js';

export function presentApplication(row: NamedApplication): ApplicationDto {
  return {
    id: row.id,
    callId: row.callId,
    callName: row.callName,
    topic: row.topic as ApplicationDto['topic'],
    direction: row.direction,
    directed: row.directed,
    status: row.status,
    editable: isEditable(row),
    version: row.version,
    form: row.form,
    organization: { id: row.organizationId, name: row.organizationName },
    pi: { id: row.piId, name: row.piName },
    department: { id: row.departmentId, name: row.departmentName },
    acceptanceNo: row.acceptanceNo,
    submittedAt: row.submittedAt ? toBeijingIso(row.submittedAt.getTime()) : null,
    recommendationAt: row.recommendationAt ? toBeijingIso(row.recommendationAt.getTime()) : null,
    returned:
      row.status === 'returned' && row.lastReturn
        ? {
            at: toBeijingIso(Date.parse(row.lastReturn.at)),
            reasons: row.lastReturn.reasons,
            resubmitBy: toBeijingIso(row.callRecommendationClosesAt.getTime()),
          }
        : null,
    updatedAt: toBeijingIso(row.updatedAt.getTime()),
  };
}

export function presentEvaluation(evaluation: ApplicationEvaluation): Evaluation {
  return {
    ...evaluation,
    submissionClosesAt: toBeijingIso(evaluation.submissionClosesAt.getTime()),
    serverTime: toBeijingIso(evaluation.serverTime.getTime()),
  };
}

export function presentApplicationView({
  application,
  evaluation,
  finalization,
}: ApplicationView): z.infer<typeof applicationResponseSchema> {
  return {
    application: presentApplication(application),
    evaluation: presentEvaluation(evaluation),
    finalization: presentFinalization(finalization),
  };
}

export function presentReceipt(receipt: ReceiptView) {
  return {
    acceptanceNo: receipt.acceptanceNo,
    issuedAt: toBeijingIso(receipt.issuedAt.getTime()),
    payload: receipt.payload,
    signature: receipt.signature,
    publicKey: receipt.publicKey,
  };
}

export function presentEvent(event: ApplicationEventRow & { actorName: string | null }) {
  return {
    at: toBeijingIso(event.at.getTime()),
    kind: event.kind,
    actor: event.actorName,
    detail: event.detail,
  };
}
