import { bundleFieldsOf } from '../../core/application/bundle-fields.js';
import { UNBARRED_PARTNER_ANSWERS, type ApplicationForm } from '../../core/application/form.js';
import {
  confirmationHolds,
  withConfirmation,
  type PartnerConfirmationRecord,
} from '../../core/application/partner-confirmation.js';
import {
  NONE_COMPLETE,
  type Application,
  type Bundle,
  type BundleInput,
  type Organization,
  type Platform,
} from '../../core/bundle/schema.js';
import { parseBundle } from '../../core/bundle/parse.js';
import type { CallParameters } from '../../core/calls/parameters.js';
import { checkBundle, type Report } from '../../core/check.js';
import { externalSubmissionOf } from '../../core/registers/external-submissions.js';
import {
  laterDate,
  organizationFacts,
  personFacts,
  type OrganizationFacts,
} from '../../core/registers/facts.js';
import { beijingDate, toBeijingIso } from '../../core/time.js';
import type {
  ApplicationRow,
  BundleRows,
  DocumentRow,
  OngoingProjectRow,
  OrganizationRow,
} from '../repositories/bundles.js';
import type { Repositories } from '../repositories/index.js';
import {
  confirmationRecordOf,
  standingOf,
  type PartnerConfirmationRow,
} from '../repositories/partner-confirmations.js';

// The database as a shenbao.bundle/1, so that the one rule engine of src/core judges applications in the
// API exactly as `shenbao check` judges an exported bundle. It is built as the parsed `Bundle` type, every
// default filled, and not parsed again: every save and submission assembles one, and re-parsing what this file
// wrote cost as much as the rules (test/server/bundle-assembly.test.ts holds it to what parseBundle returns).

const EPOCH = '1970-01-01';

/** How a draft's unanswered partner questions are read: as the answers that raise no bar (the form lists them as missing). */
const UNANSWERED_PARTNER = { name: '', country: '', ...UNBARRED_PARTNER_ANSWERS };

function organizationOf(
  row: OrganizationRow,
  platforms: Platform[],
  ongoing: OngoingProjectRow[],
): Organization {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    kind: row.kind,
    inJiangsu: row.inJiangsu,
    registeredOn: row.registeredOn,
    independentLegalEntity: row.independentLegalEntity,
    ministryOrProvincialUniversity: row.ministryOrProvincialUniversity,
    platforms,
    ongoingProjects: ongoing.map((p) =>
      p.title ? { program: p.program, title: p.title } : { program: p.program },
    ),
    ...(row.dishonestyUntil ? { dishonestyUntil: row.dishonestyUntil } : {}),
  };
}

/**
 * The date an organization's platforms must be valid on: the call's submission deadline (Beijing), the day the
 * notice's limits of 二、3 are met or not, whenever the bundle is judged.
 */
export const platformDateOf = (call: CallParameters): string =>
  beijingDate(Date.parse(call.deadlines.submission.value));

/** What the organization's own rows say, with what the registers add (src/core/registers/facts.ts). */
function withRegisterFacts(organization: Organization, facts: OrganizationFacts): Organization {
  const own = new Set(organization.ongoingProjects.map((p) => `${p.program}|${p.title ?? ''}`));
  const until = laterDate(organization.dishonestyUntil, facts.dishonestyUntil);
  return {
    ...organization,
    ongoingProjects: [
      ...organization.ongoingProjects,
      ...facts.ongoingProjects.filter((p) => !own.has(`${p.program}|${p.title ?? ''}`)),
    ],
    ...(until ? { dishonestyUntil: until } : {}),
  };
}

/** A domestic partner need not be registered here: it enters the bundle under its credit code as id. */
function domesticPartnerOrganizations(forms: ApplicationForm[]): Organization[] {
  const byCode = new Map<string, Organization>();
  for (const partner of forms.flatMap((f) => f.domesticPartners ?? [])) {
    byCode.set(partner.creditCode, {
      id: partner.creditCode,
      name: partner.name,
      creditCode: partner.creditCode,
      kind: partner.kind,
      inJiangsu: partner.inJiangsu,
      registeredOn: EPOCH,
      independentLegalEntity: true,
      ministryOrProvincialUniversity: false,
      platforms: [],
      ongoingProjects: [],
    });
  }
  return [...byCode.values()];
}

function applicationOf(
  call: CallParameters,
  row: ApplicationRow,
  docs: DocumentRow[],
  submittedAt: Date | null,
  confirmation: PartnerConfirmationRecord | undefined,
): Application {
  const form = row.form;
  const declared = form.partner && { ...UNANSWERED_PARTNER, ...form.partner };
  // The partner's own word is judged while its confirmation speaks for the partner the form names.
  const partner =
    declared && confirmation && confirmationHolds(form.partner, confirmation)
      ? withConfirmation(declared, confirmation)
      : declared;
  const ethics = form.ethics ?? {};
  const { reviewApproved, ...derived } = bundleFieldsOf(
    form,
    call,
    docs.map((d) => d.kind),
  );
  const recommended = row.status === 'recommended' || row.status === 'not-recommended';
  return {
    id: row.id,
    ...derived,
    title: form.title ?? '',
    topic: row.topic as Application['topic'],
    ...(row.direction ? { direction: row.direction } : {}),
    directed: row.directed,
    applicant: row.organizationId,
    pi: row.piId,
    department: row.departmentId,
    field: form.field ?? '',
    ...(partner ? { partner } : {}),
    domesticPartners: (form.domesticPartners ?? []).map((p) => p.creditCode),
    documents: docs.map((d) => ({
      kind: d.kind,
      parties: d.metadata.parties,
      ...(d.metadata.signedOn ? { signedOn: d.metadata.signedOn } : {}),
      ...(d.metadata.validUntil ? { validUntil: d.metadata.validUntil } : {}),
      language: d.metadata.language,
      chineseTranslation: d.metadata.chineseTranslation,
      ...(d.metadata.caption ? { caption: d.metadata.caption } : {}),
      complete: {
        ...NONE_COMPLETE,
        ...d.metadata.complete,
      },
    })),
    ethics: {
      humanSubjects: ethics.humanSubjects ?? false,
      labAnimals: ethics.labAnimals ?? false,
      ai: ethics.ai ?? false,
      humanGeneticResources: ethics.humanGeneticResources ?? false,
      germplasm: ethics.germplasm ?? false,
      reviewApproved,
    },
    classified: form.classified ?? false,
    ...(submittedAt ? { submittedAt: toBeijingIso(submittedAt.getTime()) } : {}),
    ...(recommended && row.recommendationAt
      ? {
          recommendation: {
            status: row.status as 'recommended' | 'not-recommended',
            separateSlot: row.separateSlot,
            at: toBeijingIso(row.recommendationAt.getTime()),
          },
        }
      : {}),
  };
}

const confirmationOf = (row: PartnerConfirmationRow | undefined) => row && confirmationRecordOf(row);

function listsBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const lists = new Map<string, T[]>();
  for (const item of items) {
    const list = lists.get(key(item));
    if (list) list.push(item);
    else lists.set(key(item), [item]);
  }
  return lists;
}

/** Register records by credit code and by ID number: those that can concern an organization or a person. */
function recordsOf<T extends { creditCode: string | null }>(
  records: readonly T[],
  idNumber: (record: T) => string | null,
): (creditCode: string, idNumber: string | null) => T[] {
  const byCode = listsBy(records, (r) => r.creditCode ?? '');
  const byId = listsBy(records, (r) => idNumber(r) ?? '');
  return (code, id) => [...new Set([...(byCode.get(code) ?? []), ...(id ? (byId.get(id) ?? []) : [])])];
}

export interface Judgement {
  bundle: Bundle;
  report: Report;
  /** What the bundle was built from. */
  rows: BundleRows;
}

export class BundleService {
  constructor(private readonly repos: Repositories) {}

  /**
   * Judges `subjects` (as given, e.g. with unsaved changes or a submission time) together with every live
   * application of the call that shares an applicant credit code or a PI with them.
   */
  async judge(
    call: CallParameters,
    subjects: ApplicationRow[],
    asOf: Date,
    submittedAt: (row: ApplicationRow) => Date | null = (row) => row.submittedAt,
  ): Promise<Judgement> {
    const { related, rows } = await this.repos.bundles.judgementRows(
      call.id,
      subjects,
      platformDateOf(call),
      {
        related: true,
      },
    );
    const bundle = build(call, call.id, [...subjects, ...related], asOf, submittedAt, rows);
    return { bundle, report: checkBundle(bundle, call), rows };
  }

  /** The application alone, with its organisation, PI, department and domestic partners: what prints it. */
  async ofApplication(call: CallParameters, row: ApplicationRow, asOf: Date): Promise<Bundle> {
    const { rows } = await this.repos.bundles.judgementRows(call.id, [row], platformDateOf(call), {
      related: false,
    });
    return build(call, call.id, [row], asOf, (r) => r.submittedAt, rows);
  }

  /**
   * The whole call as one bundle: every live application of `callId`, and every same-year submission to other
   * departments the register holds for it, as the province-wide checks judge them. Every register record is
   * read: the whole call needs most of them, and one query beats a list of thousands of codes.
   */
  async provinceBundle(call: CallParameters, callId: string, asOf: Date): Promise<Bundle> {
    const repos = this.repos.bundles;
    const applications = await repos.liveApplications(callId);
    const people = await repos.people([...new Set(applications.map((a) => a.piId))]);
    const orgIds = [
      ...new Set([...applications.map((a) => a.organizationId), ...people.map((p) => p.employerId)]),
    ];
    const applicationIds = applications.map((a) => a.id);
    // One after another: inside a transaction every query shares one connection.
    const rows: BundleRows = {
      people,
      organizations: await repos.organizations(orgIds),
      ongoing: await repos.ongoingProjects(orgIds),
      platforms: await this.repos.entitlements.platformsValidOn(orgIds, platformDateOf(call)),
      departments: await repos.departments([...new Set(applications.map((a) => a.departmentId))]),
      documents: await repos.currentDocuments(applicationIds),
      confirmations: [...(await this.repos.partnerConfirmations.standing(applicationIds)).values()],
      ongoingRecords: await repos.ongoingRecords(),
      dishonestyRecords: await repos.dishonestyRecords(),
      externalSubmissions: await repos.externalSubmissions(callId),
    };
    return build(call, callId, applications, asOf, (row) => row.submittedAt, rows);
  }
}

/** The bundle of `applications` (each judged as submitted at `submittedAt`) from what the database holds. */
function build(
  call: CallParameters,
  callId: string,
  applications: ApplicationRow[],
  asOf: Date,
  submittedAt: (row: ApplicationRow) => Date | null,
  rows: BundleRows,
): Bundle {
  const { people, organizations: orgs } = rows;
  const orgIds = new Set(orgs.map((o) => o.id));
  const confirmations = standingOf(rows.confirmations);
  const date = beijingDate(asOf.getTime());
  // Each organization and person is judged against the records that can concern it, not the whole register.
  const ongoingOf = recordsOf(rows.ongoingRecords, (r) => r.piIdNumber);
  const dishonestyOf = recordsOf(rows.dishonestyRecords, (r) => r.idNumber);
  const creditCodeOf = new Map(orgs.map((o) => [o.id, o.creditCode]));
  const ongoingByOrg = listsBy(rows.ongoing, (p) => p.organizationId);
  const platformsByOrg = listsBy(rows.platforms, (p) => p.organizationId);
  const docsByApplication = listsBy(rows.documents, (d) => d.applicationId);
  return {
    format: 'shenbao.bundle/1',
    call: callId,
    asOf: toBeijingIso(asOf.getTime()),
    organizations: [
      ...orgs.map((o) =>
        withRegisterFacts(
          organizationOf(
            o,
            (platformsByOrg.get(o.id) ?? []).map((p) => p.platform),
            ongoingByOrg.get(o.id) ?? [],
          ),
          organizationFacts(
            o.creditCode,
            date,
            ongoingOf(o.creditCode, null),
            dishonestyOf(o.creditCode, null),
          ),
        ),
      ),
      ...domesticPartnerOrganizations(applications.map((a) => a.form)).filter((p) => !orgIds.has(p.id)),
    ],
    people: people.map((p) => {
      const employerCreditCode = creditCodeOf.get(p.employerId) ?? '';
      const facts = personFacts(
        { name: p.name, idNumber: p.idNumber, employerCreditCode },
        date,
        ongoingOf(employerCreditCode, p.idNumber),
        dishonestyOf(employerCreditCode, p.idNumber),
      );
      const until = laterDate(p.dishonestyUntil ?? undefined, facts.dishonestyUntil);
      return {
        id: p.id,
        name: p.name,
        employer: p.employerId,
        // The declared count and the register may name the same projects: the larger, not the sum.
        ongoingProvincialProjects: Math.max(p.ongoingProvincialProjects, facts.ongoingProvincialProjects),
        ...(until ? { dishonestyUntil: until } : {}),
      };
    }),
    departments: rows.departments.map((d) => ({
      id: d.id,
      name: d.name,
      kind: d.kind,
      ...(d.cityId ? { city: d.cityId } : {}),
    })),
    applications: applications.map((row) =>
      applicationOf(
        call,
        row,
        docsByApplication.get(row.id) ?? [],
        submittedAt(row),
        confirmationOf(confirmations.get(row.id)),
      ),
    ),
    externalSubmissions: rows.externalSubmissions.map(externalSubmissionOf),
  };
}

/** The bundle the database's rows make, parsed; a problem in it is the server's fault, not the user's. */
export function parseAssembled(call: CallParameters, input: BundleInput): Bundle {
  const parsed = parseBundle(input, { knownCall: (id) => id === call.id });
  if (!parsed.ok) {
    throw new Error(`assembled bundle is malformed: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  }
  return parsed.bundle;
}
