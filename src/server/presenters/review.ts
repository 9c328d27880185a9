import type { z } from 'zod';
import { summaryTableTexts, type SummaryTable } from '../../core/summary/summary-table.js';
import { toBeijingIso } from '../../core/time.js';
import type { ApplicationEventRow, NamedApplication } from '../repositories/applications.js';
import type { Department } from '../repositories/departments.js';
import type { DocumentRecord } from '../repositories/documents.js';
import type { ConfirmationListing } from '../repositories/review.js';
import { fieldLabel, fieldValueText } from '../../core/application/field-labels.js';
import type {
  ChangesView,
  quotaResponseSchema,
  reviewDetailResponseSchema,
  reviewItemSchema,
  SummaryView,
} from '../../contract/review.js';
import type { ReviewItem } from '../services/review.js';
import type { SubmissionChanges } from '../services/submission-changes.js';
import { presentApplication, presentEvent } from './applications.js';
import { presentDocument } from './documents.js';
import { formForReviewer, isIdField } from './reviewer-content.js';
import type { Finalization } from '../services/finalization.js';
import { presentFinalization } from './finalization.js';

// 项目主管部门审核推荐: the department's queue, one application under review, its quota and its list.

type QuotaView = z.infer<typeof quotaResponseSchema>;

/** A changed ID number is said to have changed, never shown. */
const ID_HIDDEN = '（证件信息，不予显示）';

export function presentReviewItem(
  item: ReviewItem,
  named: NamedApplication,
): z.infer<typeof reviewItemSchema> {
  return {
    application: { ...presentApplication(named), form: formForReviewer(named.form) },
    eligible: !item.findings.some((f) => f.severity === 'error'),
    findings: item.findings,
    readOnly: item.readOnly,
    countsAgainstQuotaOf: item.quotaHolder ? { id: item.quotaHolder.id, name: item.quotaHolder.name } : null,
    separateSlot: item.row.separateSlot,
    separateSlotOffered: item.separateSlotOffered,
    recommendationAt: item.row.recommendationAt ? toBeijingIso(item.row.recommendationAt.getTime()) : null,
  };
}

/** One application under review, with its documents and timeline. */
export function presentReviewDetail(
  detail: {
    item: ReviewItem;
    documents: DocumentRecord[];
    events: (ApplicationEventRow & { actorName: string | null })[];
    reviewClosesAt: Date;
    confirmed: boolean;
    finalization: Finalization;
  },
  named: NamedApplication,
): z.infer<typeof reviewDetailResponseSchema> {
  return {
    item: presentReviewItem(detail.item, named),
    documents: detail.documents.map(presentDocument),
    events: detail.events.map(presentEvent),
    reviewClosesAt: toBeijingIso(detail.reviewClosesAt.getTime()),
    confirmed: detail.confirmed,
    finalization: presentFinalization(detail.finalization),
  };
}

export function presentQuota(quota: Omit<QuotaView, 'holder'> & { holder: Department }): QuotaView {
  const { holder } = quota;
  return { ...quota, holder: { id: holder.id, name: holder.name, kind: holder.kind } };
}

export function presentConfirmation(row: ConfirmationListing) {
  return {
    department: { id: row.departmentId, name: row.departmentName, kind: row.departmentKind },
    callId: row.callId,
    confirmedAt: toBeijingIso(row.confirmedAt.getTime()),
    confirmedBy: row.confirmedBy,
    summary: row.summary,
  };
}

/** The 推荐项目汇总表 with the words of its printed form. */
export function presentSummary(table: SummaryTable): SummaryView {
  return { texts: summaryTableTexts(), ...table };
}

/** The resubmission diff as people read it: Chinese field names, 万元, 是/否. */
export function presentChanges(changes: SubmissionChanges): ChangesView {
  return {
    ...changes,
    form: changes.form.map((c) => ({
      path: c.path,
      label: fieldLabel(c.path),
      before: isIdField(c.path) ? ID_HIDDEN : fieldValueText(c.path, c.before),
      after: isIdField(c.path) ? ID_HIDDEN : fieldValueText(c.path, c.after),
    })),
  };
}
