import { formBudget } from '../../core/application/bundle-fields.js';
import type { TopicNumber } from '../../core/bundle/schema.js';
import { toBeijingIso } from '../../core/time.js';
import type { ProvinceRow } from '../repositories/decisions.js';
import type { ProvinceResultView } from '../../contract/formal-review.js';
import { type ProvinceResult, reasonOf } from '../services/formal-review.js';
import type { ProvinceItem } from '../services/province-applications.js';

// The province's view of its 形式审查, and what the applicant sees of it.

const iso = (at: Date) => toBeijingIso(at.getTime());

export function presentProvinceApplication(row: ProvinceRow) {
  const a = row.application;
  return {
    id: a.id,
    acceptanceNo: a.acceptanceNo,
    title: a.form.title ?? '',
    topic: a.topic as TopicNumber,
    direction: a.direction,
    organizationName: row.organizationName,
    piName: row.piName,
    departmentName: row.departmentName,
    requestedFunding: formBudget(a.form).provincialFunding,
  };
}

export function presentFormalReviewItem({ row, findings }: ProvinceItem) {
  return {
    application: presentProvinceApplication(row),
    suggestedReasons: findings.filter((f) => f.severity === 'error').map(reasonOf),
    warnings: findings.filter((f) => f.severity === 'warning'),
    review: row.review
      ? {
          result: row.review.result,
          reasons: row.review.reasons,
          reviewedAt: iso(row.review.reviewedAt),
          reviewerName: row.reviewerName,
        }
      : null,
    decided: row.decision !== null,
  };
}

export function presentProvinceResult({
  review,
  announcement,
  decision,
  formalAgreementDue,
}: ProvinceResult): ProvinceResultView {
  return {
    formalReview: review
      ? { result: review.result, reasons: review.reasons, reviewedAt: iso(review.reviewedAt) }
      : null,
    announced:
      announcement && decision
        ? {
            announcementId: announcement.id,
            title: announcement.title,
            startsOn: announcement.startsOn!,
            endsOn: announcement.endsOn!,
            funding: decision.funding!,
          }
        : null,
    formalAgreementDue,
    contractStageAt: decision?.contractStageAt ? iso(decision.contractStageAt) : null,
  };
}
