import type { BundleProblem } from '../../../core/bundle/parse.js';
import type { PrincipalOf } from '../../principal.js';
import type { ImportEntity, ImportKey } from '../../repositories/import-keys.js';
import type { Repositories } from '../../repositories/index.js';
import type { CallView } from '../calls.js';
import type { ApplicationStatus } from '../../../contract/vocabulary.js';

export type Importer = PrincipalOf<'department'> | PrincipalOf<'province'>;

export type Outcome = 'created' | 'updated' | 'unchanged';
export type Counts = Record<ImportEntity, number>;

/** What the run did with an application of the bundle, and the status it left it in. */
export interface Planned {
  outcome: Outcome;
  status: ApplicationStatus;
}

/** What an import run has found and done so far. */
export class ImportRun {
  readonly problems: BundleProblem[] = [];
  readonly notes: BundleProblem[] = [];
  readonly counts: Record<Outcome, Counts> = {
    created: { organization: 0, person: 0, application: 0 },
    updated: { organization: 0, person: 0, application: 0 },
    unchanged: { organization: 0, person: 0, application: 0 },
  };
  /** By the application's index in the bundle. */
  readonly planned = new Map<number, Planned>();
  wrote = false;
  private readonly keys: Map<string, ImportKey>;

  constructor(
    readonly repos: Repositories,
    readonly call: CallView,
    readonly importer: Importer,
    readonly now: Date,
    keys: ImportKey[],
  ) {
    this.keys = new Map(keys.map((k) => [`${k.entityType}:${k.bundleId}`, k]));
  }

  get importerKey(): string {
    return this.importer.role === 'department' ? this.importer.departmentId : 'province';
  }

  key(entityType: ImportEntity, bundleId: string): ImportKey | undefined {
    return this.keys.get(`${entityType}:${bundleId}`);
  }

  /** Records what `bundleId` stands for, unless it already does. */
  async remember(entityType: ImportEntity, bundleId: string, dbId: string, created: boolean) {
    const known = this.key(entityType, bundleId);
    if (known && known.dbId === dbId && known.created === created) return;
    const key = {
      callId: this.call.row.id,
      importer: this.importerKey,
      entityType,
      bundleId,
      dbId,
      created,
      createdAt: this.now,
    };
    await this.repos.importKeys.put(key);
    this.keys.set(`${entityType}:${bundleId}`, key);
    this.wrote = true;
  }

  count(outcome: Outcome, entityType: ImportEntity) {
    this.counts[outcome][entityType] += 1;
    if (outcome !== 'unchanged') this.wrote = true;
  }

  async audit(
    action: string,
    entityType: ImportEntity,
    entityId: string,
    before: object | null,
    after: object,
  ) {
    await this.repos.audit.append({
      at: this.now,
      actorUserId: this.importer.userId,
      action: `import.${action}`,
      entityType,
      entityId,
      before: before as Record<string, unknown> | null,
      after: { ...after, callId: this.call.row.id, importer: this.importerKey } as Record<string, unknown>,
    });
  }
}
