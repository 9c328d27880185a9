import type { Finding } from '../../core/rules/rule.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { ProvinceRow } from '../repositories/decisions.js';
import { wasReceived } from '../repositories/applications.js';
import type { Repositories } from '../repositories/index.js';
import { BundleService } from './bundles.js';
import type { CallService, CallView } from './calls.js';

// The applications that reached the province, as 形式审查 and 立项决定 both read them. Not a service of its
// own: those two take the province's principal and use this inside.

export interface ProvinceItem {
  row: ProvinceRow;
  findings: Finding[];
}

/** Recommended, and final: its department confirmed its list, or the recommendation deadline has passed. */
export function atProvince(row: ProvinceRow, call: CallView, now: Date): boolean {
  return (
    row.application.status === 'recommended' &&
    (row.listConfirmedAt !== null || now >= call.row.recommendationClosesAt)
  );
}

export class ProvinceApplications {
  constructor(
    private readonly clock: Clock,
    private readonly calls: CallService,
  ) {}

  /**
   * The applications of the call that reached the province (those of `ids`, those matching the search `q`),
   * judged by the core as of now.
   */
  async reached(repos: Repositories, call: CallView, ids?: string[], q?: string): Promise<ProvinceItem[]> {
    const now = this.clock.now();
    const rows = (await repos.decisions.recommended(call.row.id, ids, q)).filter((r) =>
      atProvince(r, call, now),
    );
    if (rows.length === 0) return [];
    const { report } = await new BundleService(repos).judge(
      call.parameters,
      rows.map((r) => r.application),
      now,
    );
    const findings = new Map(report.applications.map((a) => [a.id, a.findings]));
    return rows.map((row) => ({ row, findings: findings.get(row.application.id) ?? [] }));
  }

  /** The call of an application the province may see (one its department received). */
  async callOf(repos: Repositories, id: string): Promise<CallView> {
    const application = await repos.applications.findById(id);
    if (!application || !wasReceived(application)) throw new AppError('NOT_FOUND');
    return this.calls.require(application.callId);
  }

  /** The application, if it reached the province. */
  async one(repos: Repositories, call: CallView, id: string): Promise<ProvinceItem> {
    const [item] = await this.reached(repos, call, [id]);
    if (!item) throw new AppError('NOT_AT_PROVINCE');
    return item;
  }
}
