import { toBeijingIso } from '../../core/time.js';
import type { AuditPageDto } from '../../contract/audit.js';
import type { AuditPage } from '../services/audit.js';

export function presentAuditPage(page: AuditPage): AuditPageDto {
  return {
    entries: page.entries.map((e) => ({
      seq: e.seq,
      at: toBeijingIso(e.at.getTime()),
      actor: e.actor,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
      hash: e.hash,
    })),
    nextBeforeSeq: page.nextBeforeSeq,
  };
}
