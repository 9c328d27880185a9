import { UNBARRED_PARTNER_ANSWERS, type ApplicationForm } from '../../core/application/form.js';
import { parseBundle } from '../../core/bundle/parse.js';
import type { Application, Bundle, BundleInput, Organization } from '../../core/bundle/schema.js';
import type { CallParameters } from '../../core/calls/parameters.js';
import { checkBundle, type Report } from '../../core/check.js';
import { toBeijingIso } from '../../core/time.js';
import type {
  ApplicationRow,
  DocumentRow,
  OngoingProjectRow,
  OrganizationRow,
} from '../repositories/bundles.js';
import type { Repositories } from '../repositories/index.js';

// The database as a shenbao.bundle/1, so that the one rule engine of src/core judges applications in the
// API exactly as `shenbao check` judges an exported bundle.

const EPOCH = '1970-01-01';

/** How a draft's unanswered partner questions are read: as the answers that raise no bar (the form lists them as missing). */
const UNANSWERED_PARTNER = { name: '', country: '', ...UNBARRED_PARTNER_ANSWERS };

function organizationOf(row: OrganizationRow, ongoing: OngoingProjectRow[]): Organization {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    kind: row.kind,
    inJiangsu: row.inJiangsu,
    registeredOn: row.registeredOn,
    independentLegalEntity: row.independentLegalEntity,
    ministryOrProvincialUniversity: row.ministryOrProvincialUniversity,
    platforms: row.platforms,
    ongoingProjects: ongoing.map((p) =>
      p.title ? { program: p.program, title: p.title } : { program: p.program },
    ),
    ...(row.dishonestyUntil ? { dishonestyUntil: row.dishonestyUntil } : {}),
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

function applicationOf(row: ApplicationRow, docs: DocumentRow[], submittedAt: Date | null): Application {
  const form = row.form;
  const ethics = form.ethics ?? {};
  const recommended = row.status === 'recommended' || row.status === 'not-recommended';
  return {
    id: row.id,
    title: form.title ?? '',
    summary: form.summary ?? '',
    topic: row.topic as Application['topic'],
    ...(row.direction ? { direction: row.direction } : {}),
    directed: row.directed,
    applicant: row.organizationId,
    pi: row.piId,
    department: row.departmentId,
    field: form.field ?? '',
    ...(form.partner ? { partner: { ...UNANSWERED_PARTNER, ...form.partner } } : {}),
    domesticPartners: (form.domesticPartners ?? []).map((p) => p.creditCode),
    budget: {
      total: form.budget?.total ?? 0,
      jiangsuTotal: form.budget?.jiangsuTotal ?? 0,
      provincialFunding: form.budget?.provincialFunding ?? 0,
    },
    documents: docs.map((d) => ({
      kind: d.kind,
      parties: d.metadata.parties,
      ...(d.metadata.signedOn ? { signedOn: d.metadata.signedOn } : {}),
      ...(d.metadata.validUntil ? { validUntil: d.metadata.validUntil } : {}),
      language: d.metadata.language,
      chineseTranslation: d.metadata.chineseTranslation,
      complete: {
        signatures: false,
        seals: false,
        dates: false,
        representatives: false,
        duties: false,
        ipClause: false,
        ...d.metadata.complete,
      },
    })),
    ethics: {
      humanSubjects: ethics.humanSubjects ?? false,
      labAnimals: ethics.labAnimals ?? false,
      ai: ethics.ai ?? false,
      humanGeneticResources: ethics.humanGeneticResources ?? false,
      germplasm: ethics.germplasm ?? false,
      reviewApproved: ethics.reviewApproved ?? false,
    },
    classified: form.classified ?? false,
    ...(form.largeInstrumentPurchase ? { largeInstrumentPurchase: form.largeInstrumentPurchase } : {}),
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

export interface Judgement {
  bundle: Bundle;
  report: Report;
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
    const repos = this.repos.bundles;
    const subjectOrgs = await repos.organizations([...new Set(subjects.map((a) => a.organizationId))]);
    const related = await repos.relatedApplications(
      call.id,
      subjectOrgs.map((o) => o.creditCode),
      subjects.map((a) => a.piId),
    );
    const subjectIds = new Set(subjects.map((a) => a.id));
    const rows = [...subjects, ...related.filter((a) => !subjectIds.has(a.id))];
    const people = await repos.people([...new Set(rows.map((a) => a.piId))]);
    const orgIds = [...new Set([...rows.map((a) => a.organizationId), ...people.map((p) => p.employerId)])];
    const [orgs, ongoing, departments, docs] = await Promise.all([
      repos.organizations(orgIds),
      repos.ongoingProjects(orgIds),
      repos.departments([...new Set(rows.map((a) => a.departmentId))]),
      repos.currentDocuments(rows.map((a) => a.id)),
    ]);
    const input: BundleInput = {
      format: 'shenbao.bundle/1',
      call: call.id,
      asOf: toBeijingIso(asOf.getTime()),
      organizations: [
        ...orgs.map((o) =>
          organizationOf(
            o,
            ongoing.filter((p) => p.organizationId === o.id),
          ),
        ),
        ...domesticPartnerOrganizations(rows.map((a) => a.form)).filter((p) => !orgIds.includes(p.id)),
      ],
      people: people.map((p) => ({
        id: p.id,
        name: p.name,
        employer: p.employerId,
        ongoingProvincialProjects: p.ongoingProvincialProjects,
        ...(p.dishonestyUntil ? { dishonestyUntil: p.dishonestyUntil } : {}),
      })),
      departments: departments.map((d) => ({
        id: d.id,
        name: d.name,
        kind: d.kind,
        ...(d.cityId ? { city: d.cityId } : {}),
      })),
      applications: rows.map((row) =>
        applicationOf(
          row,
          docs.filter((d) => d.applicationId === row.id),
          submittedAt(row),
        ),
      ),
      externalSubmissions: [],
    };
    const parsed = parseBundle(input, { knownCall: (id) => id === call.id });
    if (!parsed.ok) {
      throw new Error(`assembled bundle is malformed: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
    }
    return { bundle: parsed.bundle, report: checkBundle(parsed.bundle, call) };
  }
}
