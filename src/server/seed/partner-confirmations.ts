import { randomBytes } from 'node:crypto';
import {
  correctionsOf,
  declaredFacts,
  partnerLanguage,
  type PartnerFact,
} from '../../core/application/partner-confirmation.js';
import { beijingDate } from '../../core/time.js';
import type { Repositories } from '../repositories/index.js';
import type { Services } from '../services/index.js';
import type { DemoApplicant } from './demo-steps.js';

// 境外合作方确认 in the demo (issue 15 §5): one partner has confirmed the applicant's six answers, another has
// corrected one, so that the department reads the mark, and both answers side by side where they differ. Each
// link was sent once the application was submitted (a correction bars it, so it could not have been submitted
// after one) and answered in the e-mail's place, so it holds an unusable token.

const DAY_MS = 24 * 60 * 60_000;

export interface DemoConfirmation {
  applicant: DemoApplicant;
  applicationId: string;
  confirmer: { name: string; position: string };
  /** The answers the partner changed; none: it confirmed. */
  corrections?: Partial<Record<PartnerFact, boolean>>;
}

export async function seedPartnerConfirmations(
  repos: Repositories,
  services: Services,
  confirmations: DemoConfirmation[],
): Promise<void> {
  for (const { applicant, applicationId, confirmer, corrections = {} } of confirmations) {
    const application = (await repos.applications.findById(applicationId))!;
    const partner = application.form.partner!;
    const declared = declaredFacts(partner)!;
    const confirmed = { ...declared, ...corrections };
    const call = await services.calls.require(application.callId);
    const sentAt = application.submittedAt!;
    const answeredAt = new Date();
    const row = await repos.partnerConfirmations.insert({
      applicationId,
      tokenHash: randomBytes(32).toString('hex'),
      email: application.form.team!.foreignPi!.email!,
      language: partnerLanguage(partner.country!),
      sentAt,
      sentBy: applicant.actor.userId,
      expiresAt: new Date(sentAt.getTime() + call.parameters.partnerConfirmation.value.linkDays * DAY_MS),
    });
    const confirmedOn = beijingDate(answeredAt.getTime());
    const outcome = correctionsOf({ declared, confirmed }).length === 0 ? 'confirmed' : 'corrected';
    await repos.partnerConfirmations.answer(row.id, answeredAt, {
      outcome,
      confirmedOn,
      partnerName: partner.name!,
      country: partner.country!,
      declared,
      confirmed,
      confirmerName: confirmer.name,
      confirmerPosition: confirmer.position,
      agreementSha256: null,
      agreementFileName: null,
    });
    await repos.applications.addEvent({
      applicationId,
      at: sentAt,
      actorUserId: applicant.actor.userId,
      kind: 'partner-confirmation-sent',
      detail: {
        confirmationId: row.id,
        email: row.email,
        expiresAt: row.expiresAt.toISOString(),
        superseded: 0,
      },
    });
    await repos.applications.addEvent({
      applicationId,
      at: answeredAt,
      actorUserId: null,
      kind: outcome === 'confirmed' ? 'partner-confirmed' : 'partner-corrected',
      detail: {
        confirmationId: row.id,
        confirmedOn,
        confirmer,
        corrections: correctionsOf({ declared, confirmed }).map((c) => ({ ...c })),
        agreement: null,
      },
    });
  }
}
