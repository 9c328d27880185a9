import { formBudget } from '../../core/application/bundle-fields.js';
import type { TopicNumber } from '../../core/bundle/schema.js';
import { weightedTotal } from '../../core/experts/scoring-forms.js';
import { toBeijingIso } from '../../core/time.js';
import { DOCUMENT_KIND_LABELS } from '../../core/labels.js';
import type { DocumentRecord } from '../repositories/documents.js';
import type {
  ExpertApplicationView,
  ExpertDocumentView,
  MyAssignmentDetail,
  MyAssignmentView,
  NotificationView,
} from '../../contract/expert.js';
import type { ExpertReviewApplication, NotificationRow } from '../repositories/experts.js';
import type { ExpertTask } from '../services/experts-scoring.js';
import { contentForReviewer } from './reviewer-content.js';

// 专家评审 as an expert sees it: their assignments and notifications.

const iso = (at: Date) => toBeijingIso(at.getTime());

/** The foreign partner as the form names it, for a reviewer's page. */
export const partnerOf = (form: ExpertReviewApplication['form']) =>
  form.partner?.name ? { name: form.partner.name, country: form.partner.country ?? '' } : null;

/** An application as an expert sees it: the 申报书 with no person named and no contact. */
export function presentExpertApplication(a: ExpertReviewApplication): ExpertApplicationView {
  const { form } = a;
  const budget = form.budgetTable || form.budget ? formBudget(form) : undefined;
  return {
    id: a.id,
    acceptanceNo: a.acceptanceNo,
    topic: a.topic as TopicNumber,
    direction: a.direction,
    title: form.title ?? '',
    summary: form.summary ?? '',
    field: form.field ?? '',
    applicant: { name: a.organization.name },
    partner: partnerOf(form),
    domesticPartners: (form.domesticPartners ?? []).map((p) => ({ name: p.name })),
    budget: {
      total: budget?.total ?? null,
      jiangsuTotal: budget?.jiangsuTotal ?? null,
      provincialFunding: budget?.provincialFunding ?? null,
    },
    content: contentForReviewer(form, 'expert'),
  };
}

export function presentMyAssignment({
  assignment: row,
  application,
  overdue,
  form,
}: ExpertTask): MyAssignmentView {
  const { id, acceptanceNo, topic, title, field } = presentExpertApplication(application);
  return {
    id: row.id,
    dueAt: iso(row.dueAt),
    savedAt: row.savedAt ? iso(row.savedAt) : null,
    submittedAt: row.submittedAt ? iso(row.submittedAt) : null,
    overdue,
    scores: row.scores,
    comment: row.comment,
    total: weightedTotal(form.content, row.scores),
    recommendedFunding: row.recommendedFunding,
    roundKind: form.kind,
    application: { id, acceptanceNo, topic, title, field },
  };
}

export function presentMyAssignmentDetail(task: ExpertTask): MyAssignmentDetail {
  return {
    assignment: presentMyAssignment(task),
    application: presentExpertApplication(task.application),
    criteria: task.form.content.criteria.map((c) => ({ ...c, anchors: [...c.anchors] })),
    form: {
      version: task.form.version,
      guidance: task.form.content.guidance,
      minCommentLength: task.form.content.minCommentLength,
    },
    recommendationLimit: task.limit,
  };
}

export function presentExpertDocument(d: DocumentRecord): ExpertDocumentView {
  return {
    id: d.id,
    kind: d.kind,
    caption: d.metadata.caption ?? null,
    size: d.size,
    uploadedAt: iso(d.uploadedAt),
  };
}

/** The name a downloaded attachment is given: its kind (and caption), not the uploader's file name. */
export function expertFileName(d: DocumentRecord): string {
  const caption = d.metadata.caption ? `-${d.metadata.caption}` : '';
  return `${DOCUMENT_KIND_LABELS[d.kind]}${caption}.pdf`;
}

export function presentNotification(n: NotificationRow): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    text: n.text,
    createdAt: iso(n.createdAt),
    readAt: n.readAt ? iso(n.readAt) : null,
  };
}
