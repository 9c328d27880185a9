import { withDeadlines, type CallParameters } from '../../core/calls/parameters.js';
import { getCall } from '../../core/calls/registry.js';
import { toBeijingIso } from '../../core/time.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { CallRow } from '../repositories/calls.js';
import type { Repositories } from '../repositories/index.js';

export interface CallView {
  row: CallRow;
  parameters: CallParameters;
  /** Online submission is open now. */
  open: boolean;
  /** The province has opened it and not closed it (nor is it read-only history): its windows decide. */
  accepting: boolean;
}

/** A call's parameters are its base call's (src/core), with the windows the database holds. */
export function parametersOf(row: CallRow): CallParameters {
  const base = getCall(row.baseCallId);
  if (!base) throw new Error(`call ${row.id} names unknown base call ${row.baseCallId}`);
  return withDeadlines(base, row.id, row.name, {
    submission: toBeijingIso(row.submissionClosesAt.getTime()),
    recommendation: toBeijingIso(row.recommendationClosesAt.getTime()),
    paper: toBeijingIso(row.paperClosesAt.getTime()),
  });
}

export class CallService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** The calls applicants and departments see: a draft is the province's alone until it is opened. */
  async list(): Promise<CallView[]> {
    return (await this.repos.calls.list())
      .filter((row) => row.status !== 'draft')
      .map((row) => this.view(row));
  }

  /** The call, or CALL_NOT_FOUND naming `callId` when there is none; any other failure is thrown as it is. */
  async require(id: string): Promise<CallView> {
    const row = await this.repos.calls.findById(id);
    if (!row) {
      throw new AppError('CALL_NOT_FOUND', { fields: [{ path: 'callId', message: '找不到该申报计划' }] });
    }
    return this.view(row);
  }

  view(row: CallRow): CallView {
    const accepting = !row.readOnly && row.status === 'open';
    return {
      row,
      parameters: parametersOf(row),
      open: accepting && this.clock.now() < row.submissionClosesAt,
      accepting,
    };
  }
}
