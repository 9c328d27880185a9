import { PARTNER_QUESTIONS } from '../../core/application/form.js';
import { confirmationMark } from '../../core/application/partner-confirmation.js';
import { toBeijingIso } from '../../core/time.js';
import type {
  PartnerConfirmationStatus,
  PartnerLink,
  PartnerPage,
} from '../../contract/partner-confirmations.js';
import type { PartnerConfirmationView, PartnerPageView } from '../services/partner-confirmations.js';

const iso = (at: Date) => toBeijingIso(at.getTime());

export function presentPartnerLink(link: PartnerConfirmationView['links'][number]): PartnerLink {
  return {
    id: link.id,
    state: link.state,
    email: link.email,
    language: link.language,
    sentAt: iso(link.sentAt),
    sentBy: link.sentByName,
    expiresAt: iso(link.expiresAt),
    answeredAt: link.usedAt ? iso(link.usedAt) : null,
    confirmedOn: link.confirmedOn,
    mark: link.confirmedOn ? confirmationMark(link.confirmedOn) : null,
    confirmer:
      link.confirmerName && link.confirmerPosition
        ? { name: link.confirmerName, position: link.confirmerPosition }
        : null,
    facts: PARTNER_QUESTIONS.map(([fact, question]) => ({
      fact,
      question,
      declared: link.declared?.[fact] ?? null,
      confirmed: link.confirmed?.[fact] ?? null,
    })),
    agreement:
      link.agreementSha256 && link.agreementFileName
        ? { fileName: link.agreementFileName, sha256: link.agreementSha256 }
        : null,
    lapsedAt: link.lapsedAt ? iso(link.lapsedAt) : null,
  };
}

export function presentPartnerConfirmationStatus(view: PartnerConfirmationView): PartnerConfirmationStatus {
  return {
    canSend: view.missing.length === 0 && view.application.status !== 'withdrawn',
    missing: view.missing,
    email: view.application.form.team?.foreignPi?.email ?? null,
    linkDays: view.linkDays,
    links: view.links.map(presentPartnerLink),
  };
}

/** The partner's page: the project in English, its role, the applicant's six answers; nothing else. */
export function presentPartnerPage(view: PartnerPageView): PartnerPage {
  const form = view.application.form;
  const pi = form.team!.foreignPi!;
  return {
    language: view.row.language,
    project: {
      titleEn: form.titleEn ?? '',
      abstractEn: form.abstractEn ?? '',
      title: form.title ?? '',
      applicant: view.applicantName,
      callName: view.callName,
    },
    partner: {
      name: form.partner!.name ?? '',
      country: form.partner!.country ?? '',
      kind: (form.partner as { kind?: PartnerPage['partner']['kind'] }).kind ?? null,
      role: form.sections?.division ?? '',
    },
    pi: { name: pi.name, position: pi.position },
    declared: view.declared,
    expiresAt: iso(view.row.expiresAt),
    linkDays: view.linkDays,
  };
}
