import { bundleFieldsOf } from '../../core/application/bundle-fields.js';
import { UNBARRED_PARTNER_ANSWERS, type ApplicationForm } from '../../core/application/form.js';
import {
  confirmationHolds,
  withConfirmation,
  type PartnerConfirmationRecord,
} from '../../core/application/partner-confirmation.js';
import { setImmediate } from 'node:timers/promises';
import {
  NONE_COMPLETE,
  type Application,
  type Bundle,
  type BundleInput,
  type Department,
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
  DepartmentRow,
  DocumentRow,
  OngoingProjectRow,
  OrganizationRow,
  RegisterSubjects,
  JudgementRows,
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
function addDomesticPartners(byCode: Map<string, Organization>, form: ApplicationForm): void {
  for (const partner of form.domesticPartners ?? []) {
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

type BundleLists = Pick<
  Bundle,
  'organizations' | 'people' | 'departments' | 'applications' | 'externalSubmissions'
>;

/** A bundle in pieces: its fields that are not lists, then its lists a page at a time, in their order. */
export type BundlePart =
  | { kind: 'head'; head: Omit<Bundle, keyof BundleLists> }
  | { [K in keyof BundleLists]: { kind: 'list'; key: K; items: BundleLists[K] } }[keyof BundleLists];

/** Puts the parts of a bundle together again. */
export class BundleCollector {
  private head: Omit<Bundle, keyof BundleLists> | undefined;
  private readonly lists: BundleLists = {
    organizations: [],
    people: [],
    departments: [],
    applications: [],
    externalSubmissions: [],
  };

  add(part: BundlePart): void {
    if (part.kind === 'head') this.head = part.head;
    else for (const item of part.items) (this.lists[part.key] as unknown[]).push(item);
  }

  bundle(): Bundle {
    if (!this.head) throw new Error('bundle parts without a head');
    return { ...this.head, ...this.lists };
  }
}

/** Applications per page of the province's bundle, and register rows per page of its external submissions. */
const PAGE = 100;
/**
 * Ids per query of the applications' order: each such query sorts every application left, so more than a
 * page; not all at once, the rows of each query being converted on the event loop's thread.
 */
const IDS = 2000;

/** What the pages of one bundle brought so far, which a later page does not bring again. */
interface Assembled {
  /** Organizations, by id, with their credit codes. */
  creditCodeOf: Map<string, string>;
  people: Set<string>;
  departments: Set<string>;
  /** Domestic partners by credit code, as the last form naming one describes it. */
  partners: Map<string, Organization>;
}

const assembled = (): Assembled => ({
  creditCodeOf: new Map(),
  people: new Set(),
  departments: new Set(),
  partners: new Map(),
});

/** `BundleService.judge` on what it read (`JudgementRows`), when the statement that wrote the subjects read it. */
export function judgementOf(
  call: CallParameters,
  subjects: ApplicationRow[],
  { related, rows }: JudgementRows,
  asOf: Date,
  submittedAt: (row: ApplicationRow) => Date | null = (row) => row.submittedAt,
): Judgement {
  const bundle = whole(call, [...subjects, ...related], asOf, submittedAt, rows);
  return { bundle, report: checkBundle(bundle, call), rows };
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
    const read = await this.repos.bundles.judgementRows(call.id, subjects, platformDateOf(call), {
      related: true,
    });
    return judgementOf(call, subjects, read, asOf, submittedAt);
  }

  /** The application alone, with its organisation, PI, department and domestic partners: what prints it. */
  async ofApplication(call: CallParameters, row: ApplicationRow, asOf: Date): Promise<Bundle> {
    const { rows } = await this.repos.bundles.judgementRows(call.id, [row], platformDateOf(call), {
      related: false,
    });
    return whole(call, [row], asOf, (r) => r.submittedAt, rows);
  }

  /**
   * The whole call as one bundle: every live application of `callId`, and every same-year submission to other
   * departments the register holds for it, as the province-wide checks judge them.
   */
  async provinceBundle(call: CallParameters, callId: string, asOf: Date): Promise<Bundle> {
    const collector = new BundleCollector();
    for await (const part of this.provinceParts(call, callId, asOf)) collector.add(part);
    return collector.bundle();
  }

  /**
   * `provinceBundle` in parts: the call's applications a page at a time (their ids in the order of creation,
   * 2,000 at a time, then each page read by key), each page with the organizations and people it
   * brings first, then departments and domestic partners, then the external submissions a page at a time. On
   * PGlite every query runs on the event loop's thread: pages keep each query short, and a turn of the loop
   * between two queries lets the instance answer requests while the whole call is read.
   */
  async *provinceParts(
    call: CallParameters,
    callId: string,
    asOf: Date,
    sizes = { page: PAGE, ids: IDS },
  ): AsyncGenerator<BundlePart> {
    yield { kind: 'head', head: headOf(call, asOf) };
    const repos = this.repos.bundles;
    const so = assembled();
    for (let after: string | undefined; ;) {
      const ids = await repos.liveApplicationIds(callId, { after, limit: sizes.ids });
      if (ids.length === 0) break;
      after = ids.at(-1);
      await setImmediate();
      for (let from = 0; from < ids.length; from += sizes.page) {
        const rows = await repos.applications(ids.slice(from, from + sizes.page));
        await setImmediate();
        const loaded = await this.pageRows(call, rows, so, setImmediate);
        const page = pageOf(call, rows, asOf, (row) => row.submittedAt, so, loaded);
        yield { kind: 'list', key: 'organizations', items: page.organizations };
        yield { kind: 'list', key: 'people', items: page.people };
        yield { kind: 'list', key: 'applications', items: page.applications };
      }
    }
    yield { kind: 'list', key: 'departments', items: await this.departments(so) };
    yield { kind: 'list', key: 'organizations', items: domesticPartners(so) };
    for (let after: string | undefined; ;) {
      const records = await repos.externalSubmissions(callId, { after, limit: sizes.page });
      if (records.length === 0) break;
      after = records.at(-1)!.id;
      await setImmediate();
      yield { kind: 'list', key: 'externalSubmissions', items: records.map(externalSubmissionOf) };
    }
  }

  /** The rows a page of applications needs that `so` has not read yet; `pause` comes between two queries. */
  private async pageRows(
    call: CallParameters,
    rows: ApplicationRow[],
    so: Assembled,
    pause: () => Promise<unknown>,
  ): Promise<PageRows> {
    const repos = this.repos.bundles;
    // One after another: inside a transaction every query shares one connection.
    const people = await repos.people(
      [...new Set(rows.map((a) => a.piId))].filter((id) => !so.people.has(id)),
    );
    await pause();
    const orgIds = [
      ...new Set([...rows.map((a) => a.organizationId), ...people.map((p) => p.employerId)]),
    ].filter((id) => !so.creditCodeOf.has(id));
    const organizations = await repos.organizations(orgIds);
    await pause();
    const ongoing = await repos.ongoingProjects(orgIds);
    await pause();
    const platforms = await this.repos.entitlements.platformsValidOn(orgIds, platformDateOf(call));
    await pause();
    const documents = await repos.currentDocuments(rows.map((a) => a.id));
    await pause();
    const confirmations = [
      ...(await this.repos.partnerConfirmations.standing(rows.map((a) => a.id))).values(),
    ];
    await pause();
    // The records of the organizations read here and of the people's employers, read before or now.
    const creditCodeOf = new Map([
      ...so.creditCodeOf,
      ...organizations.map((o) => [o.id, o.creditCode] as const),
    ]);
    const subjects: RegisterSubjects = {
      creditCodes: [
        ...new Set([
          ...organizations.map((o) => o.creditCode),
          ...people.map((p) => creditCodeOf.get(p.employerId) ?? ''),
        ]),
      ],
      idNumbers: people.flatMap((p) => (p.idNumber ? [p.idNumber] : [])),
      names: people.map((p) => p.name),
    };
    const ongoingRecords = await repos.ongoingRecords(subjects);
    await pause();
    const dishonestyRecords = await repos.dishonestyRecords(subjects);
    await pause();
    return {
      people,
      organizations,
      ongoing,
      platforms,
      documents,
      confirmations,
      ongoingRecords,
      dishonestyRecords,
    };
  }

  private async departments(so: Assembled): Promise<Department[]> {
    return (await this.repos.bundles.departments([...so.departments])).map(departmentOf);
  }
}

/** What one page of applications is built from. */
type PageRows = Omit<BundleRows, 'departments' | 'externalSubmissions'>;

/**
 * The applications of `rows` with the organizations and people of `loaded` (those `so` had not), each judged
 * against the register records that can concern it; `so` then holds them too.
 */
function pageOf(
  call: CallParameters,
  rows: ApplicationRow[],
  asOf: Date,
  submittedAt: (row: ApplicationRow) => Date | null,
  so: Assembled,
  loaded: PageRows,
): Pick<Bundle, 'organizations' | 'people' | 'applications'> {
  const { people, organizations: orgs, ongoing, platforms, ongoingRecords, dishonestyRecords } = loaded;
  for (const o of orgs) so.creditCodeOf.set(o.id, o.creditCode);
  for (const p of people) so.people.add(p.id);
  for (const row of rows) {
    so.departments.add(row.departmentId);
    addDomesticPartners(so.partners, row.form);
  }
  const confirmations = standingOf(loaded.confirmations);
  const docs = loaded.documents;
  const date = beijingDate(asOf.getTime());
  // Each organization and person is judged against the records that can concern it, not the whole register.
  const ongoingOf = recordsOf(ongoingRecords, (r) => r.piIdNumber);
  const dishonestyOf = recordsOf(dishonestyRecords, (r) => r.idNumber);
  const ongoingByOrg = listsBy(ongoing, (p) => p.organizationId);
  const platformsByOrg = listsBy(platforms, (p) => p.organizationId);
  const docsByApplication = listsBy(docs, (d) => d.applicationId);
  return {
    organizations: orgs.map((o) =>
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
    people: people.map((p) => {
      const employerCreditCode = so.creditCodeOf.get(p.employerId) ?? '';
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
    applications: rows.map((row) =>
      applicationOf(
        call,
        row,
        docsByApplication.get(row.id) ?? [],
        submittedAt(row),
        confirmationOf(confirmations.get(row.id)),
      ),
    ),
  };
}

/** A bundle of `rows` whole, from what one read brought. */
function whole(
  call: CallParameters,
  rows: ApplicationRow[],
  asOf: Date,
  submittedAt: (row: ApplicationRow) => Date | null,
  loaded: BundleRows,
): Bundle {
  const so = assembled();
  const page = pageOf(call, rows, asOf, submittedAt, so, loaded);
  return {
    ...headOf(call, asOf),
    organizations: [...page.organizations, ...domesticPartners(so)],
    people: page.people,
    departments: loaded.departments.map(departmentOf),
    applications: page.applications,
    externalSubmissions: loaded.externalSubmissions.map(externalSubmissionOf),
  };
}

const departmentOf = (d: DepartmentRow): Department => ({
  id: d.id,
  name: d.name,
  kind: d.kind,
  ...(d.cityId ? { city: d.cityId } : {}),
});

function headOf(call: CallParameters, asOf: Date): Omit<Bundle, keyof BundleLists> {
  return { format: 'shenbao.bundle/1', call: call.id, asOf: toBeijingIso(asOf.getTime()) };
}

/** The domestic partners of the forms assembled that are not registered organizations of the bundle. */
const domesticPartners = (so: Assembled): Organization[] =>
  [...so.partners.values()].filter((p) => !so.creditCodeOf.has(p.id));

/** The bundle the database's rows make, parsed; a problem in it is the server's fault, not the user's. */
export function parseAssembled(call: CallParameters, input: BundleInput): Bundle {
  const parsed = parseBundle(input, { knownCall: (id) => id === call.id });
  if (!parsed.ok) {
    throw new Error(`assembled bundle is malformed: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  }
  return parsed.bundle;
}
