import type { ApplicationForm } from '../../core/application/form.js';
import { PARTNER_QUESTIONS } from '../../core/application/form.js';
import {
  confirmationHolds,
  confirmationMark,
  correctionsOf,
  declaredFacts,
  partnerLanguage,
  type PartnerFacts,
} from '../../core/application/partner-confirmation.js';
import { beijingDate } from '../../core/time.js';
import { PDF_MIME } from '../../contract/documents.js';
import type { PartnerAnswerForm, PartnerLinkState } from '../../contract/partner-confirmations.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { Principal } from '../principal.js';
import type { ApplicationRow } from '../repositories/applications.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import { confirmationRecordOf, type PartnerConfirmationRow } from '../repositories/partner-confirmations.js';
import { newSessionToken, sessionIdOf } from '../security/session-token.js';
import type { FileStore } from '../storage/file-store.js';
import { canEdit, canReadWithin, type Applicant } from './application-access.js';
import type { CallService } from './calls.js';
import type { StagedUpload } from './documents.js';
import { notify, notifyAddress } from './notifications/notify.js';
import { partnerAnsweredMessage, partnerLinkMessage } from './notifications/partner-messages.js';

// Issue 15 §5: the applicant sends the foreign partner's PI a single-use, expiring link; the partner confirms
// or corrects the six facts of 二、1 without an account, and its answer is what the rules judge from then on
// (BundleService reads the standing confirmation), until the applicant changes the partner's facts.

const DAY_MS = 24 * 60 * 60_000;
// Links sent for one application in a day: a few resends for a wrong address, not a mail cannon.
const LINKS_PER_APPLICATION_PER_DAY = 5;
const QUESTION = Object.fromEntries(PARTNER_QUESTIONS) as Record<keyof PartnerFacts, string>;
const yesNo = (value: boolean) => (value ? '是' : '否');

export interface MissingForLink {
  field: string;
  message: string;
}

/** What the form must name before a link can be sent: the partner, its six answers, its PI and the PI's e-mail. */
export function missingForLink(form: ApplicationForm): MissingForLink[] {
  const missing: MissingForLink[] = [];
  const need = (present: boolean, field: string, message: string) => {
    if (!present) missing.push({ field, message });
  };
  need(!!form.partner?.name, 'partner.name', '请填写境外合作机构名称（原文）');
  need(!!form.partner?.country, 'partner.country', '请选择境外合作机构国别（地区）');
  for (const [key, question] of PARTNER_QUESTIONS) {
    need(form.partner?.[key] !== undefined, `partner.${key}`, `请回答：${question}`);
  }
  need(!!form.team?.foreignPi?.name, 'team.foreignPi', '请填写境外方负责人');
  need(!!form.team?.foreignPi?.email, 'team.foreignPi.email', '请填写境外方负责人的电子邮箱');
  return missing;
}

export function linkState(row: PartnerConfirmationRow, now: Date): PartnerLinkState {
  if (row.usedAt) return row.lapsedAt ? 'lapsed' : row.outcome === 'corrected' ? 'corrected' : 'confirmed';
  if (row.supersededAt) return 'superseded';
  return row.expiresAt <= now ? 'expired' : 'sent';
}

export interface PartnerConfirmationView {
  application: ApplicationRow;
  missing: MissingForLink[];
  linkDays: number;
  links: (PartnerConfirmationRow & { state: PartnerLinkState; sentByName: string | null })[];
}

export interface PartnerPageView {
  row: PartnerConfirmationRow;
  application: ApplicationRow;
  applicantName: string;
  callName: string;
  declared: PartnerFacts;
  linkDays: number;
}

/**
 * Lapses the standing confirmation when an autosave changes the partner's facts beyond what the partner was
 * shown or answered; in the caller's transaction, recorded on the timeline and in the audit log.
 */
export async function lapseChangedConfirmation(
  repos: Repositories,
  application: ApplicationRow,
  form: ApplicationForm,
  at: Date,
  actorUserId: string,
): Promise<void> {
  const standing = (await repos.partnerConfirmations.standing([application.id])).get(application.id);
  const record = standing && confirmationRecordOf(standing);
  if (!standing || !record || confirmationHolds(form.partner, record)) return;
  await repos.partnerConfirmations.lapse(standing.id, at);
  await repos.applications.addEvent({
    applicationId: application.id,
    at,
    actorUserId,
    kind: 'partner-confirmation-lapsed',
    detail: { confirmationId: standing.id, confirmedOn: record.confirmedOn },
  });
}

export class PartnerConfirmationService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
    private readonly store: FileStore,
    private readonly config: Pick<Config, 'sessionSecret' | 'publicUrl'>,
  ) {}

  /** The application's links and what the applicant must still fill in; whoever reads the application. */
  async status(actor: Principal, applicationId: string): Promise<PartnerConfirmationView> {
    const application = await this.readable(actor, applicationId);
    const call = await this.calls.require(application.callId);
    const now = this.clock.now();
    const rows = await this.repos.partnerConfirmations.ofApplication(applicationId);
    const names = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.sentBy))) {
      const user = await this.repos.users.findById(id);
      if (user) names.set(id, user.displayName);
    }
    return {
      application,
      missing: missingForLink(application.form),
      linkDays: call.parameters.partnerConfirmation.value.linkDays,
      links: rows.map((row) => ({
        ...row,
        state: linkState(row, now),
        sentByName: names.get(row.sentBy) ?? null,
      })),
    };
  }

  /** Sends (or resends, superseding the unused link) the link to the foreign PI's e-mail in the form. */
  async send(actor: Principal, applicationId: string): Promise<PartnerConfirmationRow> {
    const found = await this.repos.applications.findById(applicationId);
    if (!found || !canEdit(actor, found)) throw new AppError('NOT_FOUND');
    const applicant: Applicant = actor;
    if (found.status === 'withdrawn') throw new AppError('NOT_EDITABLE');
    const missing = missingForLink(found.form);
    if (missing.length > 0) {
      throw new AppError('PARTNER_NOT_NAMED', {
        fields: missing.map((m) => ({ path: m.field, message: m.message })),
      });
    }
    const call = await this.calls.require(found.callId);
    const now = this.clock.now();
    const limit = `partner-link|${applicationId}`;
    const { count } = await this.repos.rateLimits.hit(limit, now, DAY_MS);
    if (count > LINKS_PER_APPLICATION_PER_DAY) {
      await this.repos.rateLimits.unhit(limit, now);
      throw new AppError('TOO_MANY_REQUESTS', {
        message: `每份申报书每天至多发送 ${LINKS_PER_APPLICATION_PER_DAY} 次确认链接，请明天再试`,
      });
    }
    const token = newSessionToken();
    const partner = found.form.partner!;
    const pi = found.form.team!.foreignPi!;
    const language = partnerLanguage(partner.country!);
    const expiresAt = new Date(now.getTime() + call.parameters.partnerConfirmation.value.linkDays * DAY_MS);
    const organization = (await this.repos.organizations.findById(found.organizationId))!;
    return inTransaction(this.db, async (repos) => {
      const superseded = await repos.partnerConfirmations.supersedeUnused(applicationId, now);
      const row = await repos.partnerConfirmations.insert({
        applicationId,
        tokenHash: sessionIdOf(token, this.config.sessionSecret),
        email: pi.email!,
        language,
        sentAt: now,
        sentBy: applicant.userId,
        expiresAt,
      });
      await notifyAddress(repos, pi.email!, {
        kind: 'partner.confirmation-requested',
        ...partnerLinkMessage({
          language,
          piName: pi.name,
          partnerName: partner.name!,
          applicant: organization.name,
          title: found.form.title ?? '',
          titleEn: found.form.titleEn ?? '',
          link: `${this.config.publicUrl}/partner/confirm?token=${encodeURIComponent(token)}`,
          expiresAt,
        }),
        key: `partner-link:${row.id}`,
      });
      await repos.applications.addEvent({
        applicationId,
        at: now,
        actorUserId: applicant.userId,
        kind: 'partner-confirmation-sent',
        detail: { confirmationId: row.id, email: row.email, expiresAt: expiresAt.toISOString(), superseded },
      });
      return row;
    });
  }

  /** What the link's page shows; any link that cannot be answered now is answered as an unknown one. */
  async page(token: string): Promise<PartnerPageView> {
    const row = await this.live(token);
    const application = (await this.repos.applications.findById(row.applicationId))!;
    const declared = declaredFacts(application.form.partner);
    if (!declared || application.status === 'withdrawn') throw new AppError('PARTNER_LINK_INVALID');
    const call = await this.calls.require(application.callId);
    const organization = (await this.repos.organizations.findById(application.organizationId))!;
    return {
      row,
      application,
      applicantName: organization.name,
      callName: call.row.name,
      declared,
      linkDays: call.parameters.partnerConfirmation.value.linkDays,
    };
  }

  /** The partner's answer: recorded once, judged from now on, the applicant told. */
  async answer(form: PartnerAnswerForm, file: StagedUpload | undefined): Promise<PartnerConfirmationRow> {
    try {
      const view = await this.page(form.token);
      const application = view.application;
      const partner = application.form.partner!;
      const confirmed = Object.fromEntries(
        PARTNER_QUESTIONS.map(([fact]) => [fact, form[fact]]),
      ) as PartnerFacts;
      return await inTransaction(this.db, async (repos) => {
        await repos.applications.lock(application.id);
        const now = this.clock.now();
        const confirmedOn = beijingDate(now.getTime());
        const corrections = correctionsOf({ declared: view.declared, confirmed });
        const outcome = corrections.length === 0 ? 'confirmed' : 'corrected';
        if (file) await repos.documents.addFile({ sha256: file.sha256, size: file.size, mime: PDF_MIME });
        const row = await repos.partnerConfirmations.answer(view.row.id, now, {
          outcome,
          confirmedOn,
          partnerName: partner.name ?? '',
          country: partner.country ?? '',
          declared: view.declared,
          confirmed,
          confirmerName: form.name,
          confirmerPosition: form.position,
          agreementSha256: file?.sha256 ?? null,
          agreementFileName: file ? file.fileName || 'agreement.pdf' : null,
        });
        // The one UPDATE that decides a race between two submissions of the same link.
        if (!row) throw new AppError('PARTNER_LINK_INVALID');
        const described = corrections.map(
          (c) => `${QUESTION[c.fact]}：申报“${yesNo(c.declared)}”，合作方确认“${yesNo(c.confirmed)}”`,
        );
        await repos.applications.addEvent({
          applicationId: application.id,
          at: now,
          actorUserId: null,
          kind: outcome === 'confirmed' ? 'partner-confirmed' : 'partner-corrected',
          detail: {
            confirmationId: row.id,
            confirmedOn,
            confirmer: { name: form.name, position: form.position },
            corrections: corrections.map((c) => ({ ...c })),
            agreement: file ? { sha256: file.sha256, fileName: row.agreementFileName } : null,
          },
        });
        await notify(
          repos,
          { organizationAdminIds: [application.organizationId], personIds: [application.piId] },
          {
            kind: 'partner.answered',
            ...partnerAnsweredMessage({
              title: application.form.title ?? '',
              partnerName: partner.name ?? '',
              country: partner.country ?? '',
              corrected: described,
              confirmedOn,
            }),
            key: `partner-answered:${row.id}`,
          },
        );
        await file?.commit();
        return row;
      });
    } finally {
      await file?.discard();
    }
  }

  /** The partner's signed agreement, for whoever reads the application. */
  async agreement(actor: Principal, applicationId: string, confirmationId: string) {
    await this.readable(actor, applicationId);
    const row = (await this.repos.partnerConfirmations.ofApplication(applicationId)).find(
      (r) => r.id === confirmationId,
    );
    if (!row?.agreementSha256) throw new AppError('NOT_FOUND');
    const sha256 = row.agreementSha256;
    const stored = await this.store.stat(sha256);
    if (!stored) throw new AppError('NOT_FOUND');
    return {
      file: { fileSha256: sha256, size: stored.size, fileName: row.agreementFileName ?? 'agreement.pdf' },
      open: () => this.store.get(sha256),
    };
  }

  /** The mark the department reads beside its checklist, if the partner's answer stands. */
  static markOf(row: PartnerConfirmationRow | undefined): string | null {
    return row?.confirmedOn && !row.lapsedAt ? confirmationMark(row.confirmedOn) : null;
  }

  private async live(token: string): Promise<PartnerConfirmationRow> {
    const row = await this.repos.partnerConfirmations.findByToken(
      sessionIdOf(token, this.config.sessionSecret),
    );
    if (!row || row.usedAt || row.supersededAt || row.expiresAt <= this.clock.now()) {
      throw new AppError('PARTNER_LINK_INVALID');
    }
    return row;
  }

  private async readable(actor: Principal, applicationId: string): Promise<ApplicationRow> {
    const row = await this.repos.applications.findById(applicationId);
    if (!row || !(await canReadWithin(actor, row, (id) => this.repos.review.jurisdiction(id)))) {
      throw new AppError('NOT_FOUND');
    }
    return row;
  }
}
