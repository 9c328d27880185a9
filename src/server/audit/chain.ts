import { createHash } from 'node:crypto';
import { canonicalJson } from '../security/receipt-signing.js';

/** The hash the first entry chains to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: number;
  at: Date;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditEntry extends AuditContent {
  prevHash: string;
  hash: string;
}

/** SHA-256 of the previous hash and the entry's canonical JSON: a database round trip leaves both unchanged. */
export function entryHash(prevHash: string, content: AuditContent): string {
  const body = `${bodyBeforeSeq(content)}${content.seq}}`;
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * The entry's canonical JSON up to its seq, which sorts last (`…,"seq":`): the body is this, the seq and `}`.
 * The database numbers an entry as it appends it, and hashes it there with this.
 */
export function bodyBeforeSeq(content: Omit<AuditContent, 'seq'>): string {
  const body = canonicalJson({
    seq: 0,
    at: content.at.toISOString(),
    actorUserId: content.actorUserId,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    before: content.before,
    after: content.after,
  });
  return body.slice(0, -'0}'.length);
}

export type ChainVerdict =
  | { intact: true; entries: number; headHash: string }
  | { intact: false; entries: number; brokenAt: number; reason: string };

/** Walks entries in seq order; stops at the first link that does not hold. */
export async function verifyChain(
  entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>,
): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for await (const entry of entries) {
    const broken = (reason: string): ChainVerdict => ({
      intact: false,
      entries: count,
      brokenAt: entry.seq,
      reason,
    });
    if (entry.seq !== expectedSeq)
      return broken(`缺少第 ${expectedSeq} 条记录（下一条是第 ${entry.seq} 条）`);
    if (entry.prevHash !== prevHash) return broken('记录的上一条哈希与上一条记录的哈希不一致');
    if (entryHash(prevHash, entry) !== entry.hash) return broken('记录内容与其哈希不一致（内容被改动）');
    prevHash = entry.hash;
    expectedSeq += 1;
    count += 1;
  }
  return { intact: true, entries: count, headHash: prevHash };
}
