import { budgetFromTable } from '../../core/application/content.js';
import type { TopicNumber } from '../../core/bundle/schema.js';
import { SCORING_FORMS, weightedTotal } from '../../core/experts/scoring-forms.js';
import { toBeijingIso } from '../../core/time.js';
import type {
  ExpertApplicationView,
  MyAssignmentDetail,
  MyAssignmentView,
  NotificationView,
} from '../../contract/expert.js';
import type { ExpertReviewApplication, NotificationRow } from '../repositories/experts.js';
import type { ExpertTask } from '../services/experts-scoring.js';

// 专家评审 as an expert sees it: their assignments and notifications.

const iso = (at: Date) => toBeijingIso(at.getTime());

/** An application as an expert sees it: no person, no contact, no document, the budget's totals only. */
export function presentExpertApplication(a: ExpertReviewApplication): ExpertApplicationView {
  const { form } = a;
  const budget = form.budgetTable ? budgetFromTable(form.budgetTable) : form.budget;
  return {
    id: a.id,
    acceptanceNo: a.acceptanceNo,
    topic: a.topic as TopicNumber,
    direction: a.direction,
    title: form.title ?? '',
    summary: form.summary ?? '',
    field: form.field ?? '',
    applicant: { name: a.organization.name },
    partner: form.partner?.name ? { name: form.partner.name, country: form.partner.country ?? '' } : null,
    domesticPartners: (form.domesticPartners ?? []).map((p) => ({ name: p.name })),
    budget: {
      total: budget?.total ?? null,
      jiangsuTotal: budget?.jiangsuTotal ?? null,
      provincialFunding: budget?.provincialFunding ?? null,
    },
  };
}

export function presentMyAssignment({ assignment: row, application, overdue }: ExpertTask): MyAssignmentView {
  const { id, acceptanceNo, topic, title, field } = presentExpertApplication(application);
  return {
    id: row.id,
    dueAt: iso(row.dueAt),
    savedAt: row.savedAt ? iso(row.savedAt) : null,
    submittedAt: row.submittedAt ? iso(row.submittedAt) : null,
    overdue,
    scores: row.scores,
    comment: row.comment,
    total: weightedTotal(SCORING_FORMS[topic], row.scores),
    application: { id, acceptanceNo, topic, title, field },
  };
}

export function presentMyAssignmentDetail(task: ExpertTask): MyAssignmentDetail {
  return {
    assignment: presentMyAssignment(task),
    application: presentExpertApplication(task.application),
    criteria: [...SCORING_FORMS[task.application.topic as TopicNumber].criteria],
  };
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
