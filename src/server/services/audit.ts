import type { AuditAnchor } from '../audit/anchor.js';
import { verifyChain, type AuditEntry, type ChainVerdict } from '../audit/chain.js';
import type { Checkpoint } from '../audit/checkpoints.js';
import type { AuditFilter, EntityRef } from '../repositories/audit.js';
import type { Repositories } from '../repositories/index.js';
import type { AuditQuery } from '../../contract/audit.js';
import type { PrincipalOf } from '../principal.js';
import type { UserRole } from '../../contract/vocabulary.js';

const DAY_MS = 86_400_000;
const beijingDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);

export interface AuditActor {
  id: string;
  /** Absent when the user is no longer there. */
  name: string | null;
  role: UserRole | null;
  /** The actor's department or organization. */
  scope: string | null;
}

/** The fields of entries that hold the id of a record with a name, by the record's entity type. */
export const ID_FIELDS: Record<string, string> = {
  applicationId: 'application',
  callId: 'call',
  departmentId: 'department',
  cityId: 'department',
  organizationId: 'organization',
  personId: 'person',
  piId: 'person',
  userId: 'user',
  invitedBy: 'user',
  expertId: 'expert',
  announcementId: 'announcement',
};

function referencesOf(entry: AuditEntry): EntityRef[] {
  const refs: EntityRef[] = [{ type: entry.entityType, id: entry.entityId }];
  for (const snapshot of [entry.before, entry.after]) {
    for (const [key, value] of Object.entries(snapshot ?? {})) {
      const type = ID_FIELDS[key];
      if (type && typeof value === 'string') refs.push({ type, id: value });
    }
  }
  return refs;
}

export interface AuditPage {
  entries: (AuditEntry & { actor: AuditActor | null })[];
  /** The names of the records the entries are about or point at, keyed `type:id`. */
  names: Map<string, string>;
  /** Where the next (older) page starts, if there is one. */
  nextBeforeSeq: number | null;
}

/** Checkpoints are published a page at a time, oldest first. */
const CHECKPOINT_PAGE = 100;

/** The province's view of the audit log: filtered pages, newest first, and the chain's proof. */
export class AuditService {
  constructor(
    private readonly repos: Repositories,
    /** Signs checkpoints of the chain into the store outside the database. */
    readonly anchor: AuditAnchor,
  ) {}

  /** The signed checkpoints after `afterSeq`, for anyone to keep and check the chain against later. */
  async checkpoints(afterSeq: number): Promise<{ publicKeyPem: string; checkpoints: Checkpoint[] }> {
    const all = await this.anchor.store.list();
    return {
      publicKeyPem: this.anchor.publicKeyPem,
      checkpoints: all.filter((c) => c.seq > afterSeq).slice(0, CHECKPOINT_PAGE),
    };
  }

  /** A page of the log, `from` and `to` being Beijing calendar days, both included. */
  async list(_reader: PrincipalOf<'province'>, { actor, from, to, ...rest }: AuditQuery): Promise<AuditPage> {
    const filter: AuditFilter = {
      ...rest,
      actorUserId: actor,
      from: from ? beijingDayStart(from) : undefined,
      to: to ? new Date(beijingDayStart(to).getTime() + DAY_MS) : undefined,
    };
    // One more than asked tells whether an older page exists.
    const rows = await this.repos.audit.list({ ...filter, limit: filter.limit + 1 });
    const page = rows.slice(0, filter.limit);
    const actorIds = [...new Set(page.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
    const actors = new Map(
      await Promise.all(
        actorIds.map(async (id) => {
          const profile = await this.repos.users.profile(id);
          const actor: AuditActor = {
            id,
            name: profile?.user.displayName ?? null,
            role: profile?.user.role ?? null,
            scope: profile?.department?.name ?? profile?.organization?.name ?? null,
          };
          return [id, actor] as const;
        }),
      ),
    );
    return {
      entries: page.map((e) => ({ ...e, actor: e.actorUserId ? actors.get(e.actorUserId)! : null })),
      names: await this.repos.audit.names(page.flatMap(referencesOf)),
      nextBeforeSeq: rows.length > filter.limit ? page.at(-1)!.seq : null,
    };
  }

  /** Walks the whole log in seq order, a page at a time. */
  verify(): Promise<ChainVerdict> {
    return verifyChain(this.repos.audit.all());
  }
}
