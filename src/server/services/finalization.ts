import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { missingFields } from '../../core/application/form.js';
import type {
  Application,
  Bundle,
  Department,
  DocumentKind,
  Organization,
  Person,
  TopicNumber,
} from '../../core/bundle/schema.js';
import { DOCUMENT_KINDS } from '../../core/bundle/schema.js';
import type { CallParameters } from '../../core/calls/parameters.js';
import { requirementsFor } from '../../core/documents/requirements.js';
import { DOCUMENT_KIND_LABELS } from '../../core/labels.js';
import { formatBeijing, toBeijingIso } from '../../core/time.js';
import { PRINT_DOCUMENT_LABELS, type PrintDocument } from '../../contract/finalization.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { printForms, printPackage } from '../io/print/index.js';
import { PRINTED_FORMS, type PrintOptions, type PrintSubject, type UnitRecord } from '../io/print/types.js';
import type { Principal } from '../principal.js';
import type { ApplicationRow } from '../repositories/applications.js';
import { inTransaction, type Repositories } from '../repositories/index.js';
import type { DocumentRow } from '../repositories/bundles.js';
import type { SnapshotHead } from '../repositories/snapshots.js';
import { canonicalJson } from '../security/receipt-signing.js';
import type { FileStore } from '../storage/file-store.js';
import { canEdit, canRead, isEditable } from './application-access.js';
import { BundleService } from './bundles.js';
import type { CallService } from './calls.js';

// 定稿: the applicant fixes the application as it stands; the documents to sign are printed from that
// snapshot, under the SHA-256 of its content, and signed scans declare which snapshot they were printed from.

/** The signed-and-stamped scans of the forms the platform prints (三、1): printed from a 定稿, uploaded after it. */
export const SIGNED_FORM_KINDS: ReadonlySet<DocumentKind> = new Set(
  DOCUMENT_KINDS.filter((kind) => (PRINTED_FORMS as readonly string[]).includes(kind)),
);

/** Refuses a signed scan that does not name one of the application's 定稿 as the one it was printed from. */
export async function assertPrintedFrom(
  repos: Repositories,
  applicationId: string,
  kind: DocumentKind,
  printedFrom: string | undefined,
): Promise<void> {
  if (!SIGNED_FORM_KINDS.has(kind)) return;
  if (printedFrom && (await repos.snapshots.findOfApplication(applicationId, printedFrom))) return;
  throw AppError.invalidField(
    'printedFrom',
    `请选择${DOCUMENT_KIND_LABELS[kind]}扫描件打印自本申报书的哪一版定稿；尚未定稿的，请先定稿并打印`,
  );
}

/** Everything needed to print the application again exactly as it was finalised. */
export interface SnapshotContent {
  format: 'shenbao.snapshot/1';
  /** As BundleService makes it, without the signed scans, which come after 定稿. */
  application: Application;
  /** The applicant, then its domestic partners. */
  organizations: Organization[];
  person: Person;
  department: Department;
  unit: UnitRecord;
}

export interface Snapshot {
  id: string;
  sha256: string;
  createdAt: Date;
}

export interface Finalization {
  current: Snapshot | null;
  snapshots: Snapshot[];
  scanNotices: string[];
}

export interface PrintOut {
  body: Readable;
  fileName: string;
  mode: PrintOptions['mode'];
}

export const fingerprintOf = (content: SnapshotContent): string =>
  createHash('sha256').update(canonicalJson(content)).digest('hex');

const short = (sha256: string) => sha256.slice(0, 8);

export class FinalizationService {
  constructor(
    private readonly db: Database,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly calls: CallService,
    private readonly store: FileStore,
    private readonly publicUrl: string,
  ) {}

  /**
   * Fixes the application as it stands. Refused while fields are missing; the signed-forms findings cannot
   * block it (the scans come after 定稿). Finalising again without changes returns the same snapshot.
   */
  async finalize(actor: Principal, id: string): Promise<Snapshot> {
    const row = await this.repos.applications.findById(id);
    if (!row || !canEdit(actor, row)) throw new AppError('NOT_FOUND');
    const call = await this.calls.require(row.callId);
    return inTransaction(this.db, async (repos) => {
      const locked = (await repos.applications.lock(id))!;
      if (!isEditable(locked)) throw new AppError('NOT_EDITABLE');
      const missing = missingFields(
        call.parameters,
        locked.topic as TopicNumber,
        locked.direction ?? undefined,
        locked.form,
      );
      if (missing.length > 0) {
        throw new AppError('FORM_INCOMPLETE', {
          fields: missing.map((m) => ({ path: m.field, message: m.message })),
        });
      }
      const now = this.clock.now();
      const content = await contentOf(repos, call.parameters, locked, now);
      const snapshot = await repos.snapshots.insertOrFind({
        applicationId: id,
        sha256: fingerprintOf(content),
        content: content as unknown as Record<string, unknown>,
        createdBy: actor.userId,
      });
      if (locked.finalizedSnapshotId !== snapshot.id) {
        await repos.snapshots.setCurrent(id, snapshot.id);
        await repos.applications.addEvent({
          applicationId: id,
          at: now,
          actorUserId: actor.userId,
          kind: 'finalized',
          detail: { snapshotId: snapshot.id, sha256: snapshot.sha256 },
        });
      }
      return snapshotOf(snapshot);
    });
  }

  /** The application's 定稿 and the notices on its signed scans, for whoever reads it. */
  async finalization(actor: Principal, id: string): Promise<Finalization> {
    return finalizationOf(this.repos, await this.readable(actor, id));
  }

  /**
   * A generated document of the application. Final (no watermark, the fingerprint on every page) only from
   * its current 定稿; a preview, or an application without one, prints the live form as a 草稿.
   */
  async print(actor: Principal, id: string, document: PrintDocument, preview: boolean): Promise<PrintOut> {
    const row = await this.readable(actor, id);
    const call = await this.calls.require(row.callId);
    const now = this.clock.now();
    const snapshot =
      !preview && row.finalizedSnapshotId
        ? await this.repos.snapshots.findById(row.finalizedSnapshotId)
        : undefined;
    const content = snapshot
      ? (snapshot.content as unknown as SnapshotContent)
      : await contentOf(this.repos, call.parameters, row, now);
    const subject: PrintSubject = {
      call: call.parameters,
      bundle: bundleOf(call.parameters.id, content, snapshot?.createdAt ?? now),
      applicationId: id,
      unit: content.unit,
    };
    const options: PrintOptions = snapshot
      ? {
          mode: 'final',
          fingerprint: snapshot.sha256,
          ...(row.acceptanceNo ? { acceptanceNo: row.acceptanceNo } : {}),
          verifyUrl: `${this.publicUrl}/verify/${snapshot.sha256}`,
          generatedAt: now,
        }
      : { mode: 'draft', generatedAt: now };
    const body =
      document === 'package'
        ? await printPackage(subject, options, await this.attachments(call.parameters, row))
        : await printForms(subject, document === 'forms' ? PRINTED_FORMS : [document], options);
    return {
      body,
      fileName: printFileName(document, content.application.title, options.mode),
      mode: options.mode,
    };
  }

  /** What anyone may learn from a printed fingerprint. */
  async fingerprint(sha256: string) {
    const facts = await this.repos.snapshots.fingerprint(sha256);
    if (!facts) throw new AppError('NOT_FOUND');
    return facts;
  }

  private async readable(actor: Principal, id: string): Promise<ApplicationRow> {
    const row = await this.repos.applications.findById(id);
    if (!row || !canRead(actor, row)) throw new AppError('NOT_FOUND');
    return row;
  }

  /**
   * 相关附件: the current documents but the signed scans of the forms (the package prints the forms
   * themselves), in the order of the requirements checklist, each opened only when its turn comes.
   */
  private async attachments(call: CallParameters, row: ApplicationRow) {
    const order = [
      ...requirementsFor(call, row.topic as TopicNumber, row.direction ?? undefined).flatMap((r) => r.kinds),
      ...DOCUMENT_KINDS,
    ];
    const rank = (kind: DocumentKind) => order.indexOf(kind);
    const documents = (await this.repos.bundles.currentDocuments([row.id]))
      .filter((d) => !SIGNED_FORM_KINDS.has(d.kind))
      .sort((a, b) => rank(a.kind) - rank(b.kind));
    return documents.map((d) => ({
      label: d.metadata.caption ?? DOCUMENT_KIND_LABELS[d.kind],
      fileName: d.fileName,
      open: async () => new Uint8Array(await buffer(this.store.get(d.fileSha256))),
    }));
  }
}

/** The application's 定稿, and a notice for each current signed scan printed from another one. */
export async function finalizationOf(repos: Repositories, row: ApplicationRow): Promise<Finalization> {
  const snapshots = await repos.snapshots.listByApplication(row.id);
  // An application never finalised here (imported, or uploaded before 定稿 existed) has nothing to compare with.
  const documents = snapshots.length === 0 ? [] : await repos.bundles.currentDocuments([row.id]);
  return finalizationFrom(row, snapshots, documents);
}

/** `finalizationOf` on rows already read: the application's snapshots, newest first, and its current documents. */
export function finalizationFrom(
  row: ApplicationRow,
  snapshotRows: readonly SnapshotHead[],
  documents: readonly DocumentRow[],
): Finalization {
  const snapshots = snapshotRows.map(snapshotOf);
  const current = snapshots.find((s) => s.id === row.finalizedSnapshotId) ?? null;
  const scans =
    snapshots.length === 0
      ? []
      : documents.filter((d) => d.applicationId === row.id && SIGNED_FORM_KINDS.has(d.kind));
  const scanNotices = scans
    .filter((d) => d.metadata.printedFrom !== current?.sha256)
    .map((d) => {
      const label = DOCUMENT_KIND_LABELS[d.kind];
      const from = snapshots.find((s) => s.sha256 === d.metadata.printedFrom);
      const printed = from
        ? `打印自 ${formatBeijing(from.createdAt.getTime())} 的定稿（指纹前 8 位 ${short(from.sha256)}）`
        : '未注明打印自哪一版定稿';
      return `${label}扫描件${printed}，与当前填报内容不一致，请重新定稿、打印并上传签字盖章扫描件`;
    });
  return { current, snapshots, scanNotices };
}

const snapshotOf = (row: SnapshotHead): Snapshot => ({
  id: row.id,
  sha256: row.sha256,
  createdAt: row.createdAt,
});

/** The application as it stands, as a snapshot would fix it. */
async function contentOf(
  repos: Repositories,
  call: CallParameters,
  row: ApplicationRow,
  asOf: Date,
): Promise<SnapshotContent> {
  const bundle = await new BundleService(repos).ofApplication(call, row, asOf);
  const application = bundle.applications.find((a) => a.id === row.id)!;
  const organization = (await repos.organizations.findById(row.organizationId))!;
  const department = bundle.departments.find((d) => d.id === row.departmentId)!;
  const partners = new Set(application.domesticPartners);
  return {
    format: 'shenbao.snapshot/1',
    application: {
      ...application,
      documents: application.documents.filter((d) => !SIGNED_FORM_KINDS.has(d.kind)),
    },
    organizations: [
      bundle.organizations.find((o) => o.id === row.organizationId)!,
      ...bundle.organizations.filter((o) => partners.has(o.id)),
    ],
    person: bundle.people.find((p) => p.id === row.piId)!,
    department,
    unit: {
      address: organization.address,
      contactName: organization.contactName,
      contactMobile: organization.contactMobile,
      contactEmail: organization.contactEmail,
      departmentName: department.name,
      verified: organization.verification === 'approved',
    },
  };
}

function bundleOf(callId: string, content: SnapshotContent, asOf: Date): Bundle {
  return {
    format: 'shenbao.bundle/1',
    call: callId,
    asOf: toBeijingIso(asOf.getTime()),
    organizations: content.organizations,
    people: [content.person],
    departments: [content.department],
    applications: [content.application],
    externalSubmissions: [],
  };
}

/** `项目申报书-<项目名称>.pdf`; a preview says it is a 草稿. */
export function printFileName(document: PrintDocument, title: string, mode: PrintOptions['mode']): string {
  const name = [PRINT_DOCUMENT_LABELS[document], title.trim()].filter(Boolean).join('-');
  return `${name}${mode === 'draft' ? '（草稿）' : ''}.pdf`;
}
