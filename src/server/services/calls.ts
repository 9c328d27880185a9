import type { Direction, EthicsFlag, TopicNumber } from '../../core/bundle/schema.js';
import { withDeadlines, type CallParameters } from '../../core/calls/parameters.js';
import { getCall } from '../../core/calls/registry.js';
import { toCallDocument, type CallDocument } from '../../core/calls/schema.js';
import { requirementsFor, type DocumentRequirement } from '../../core/documents/requirements.js';
import { toBeijingIso } from '../../core/time.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { CallRow } from '../repositories/calls.js';
import type { Repositories } from '../repositories/index.js';

export interface CallView {
  row: CallRow;
  parameters: CallParameters;
  /** Online submission is open now: after the filing opens (`deadlines.opens`), before it closes. */
  open: boolean;
  /** The province has opened it and not closed it (nor is it read-only history): its windows decide. */
  accepting: boolean;
}

/**
 * A call's parameters: its own document when it has one, else its base call's (src/core) with the windows the
 * database holds.
 */
export function parametersOf(
  row: Pick<CallRow, 'id' | 'name' | 'baseCallId' | 'document' | ClosingTime>,
): CallParameters {
  if (row.document) {
    const { format: _format, ...call } = row.document;
    return call;
  }
  const base = getCall(row.baseCallId);
  if (!base) throw new Error(`call ${row.id} names unknown base call ${row.baseCallId}`);
  return withDeadlines(base, row.id, row.name, {
    submission: toBeijingIso(row.submissionClosesAt.getTime()),
    recommendation: toBeijingIso(row.recommendationClosesAt.getTime()),
    paper: toBeijingIso(row.paperClosesAt.getTime()),
  });
}

type ClosingTime = 'submissionClosesAt' | 'recommendationClosesAt' | 'paperClosesAt';

/** The call as a `shenbao.call/1` document, whether it holds one or stands on its base call. */
export function documentOf(row: Parameters<typeof parametersOf>[0]): CallDocument {
  return row.document ?? toCallDocument(parametersOf(row));
}

function callNotFound(): AppError {
  return new AppError('CALL_NOT_FOUND', { fields: [{ path: 'callId', message: '找不到该申报计划' }] });
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
    if (!row) throw callNotFound();
    return this.view(row);
  }

  /** A call as `list` shows it to anyone: a draft is answered exactly as a missing call. */
  async requirePublished(id: string): Promise<CallView> {
    const call = await this.require(id);
    if (call.row.status === 'draft') throw callNotFound();
    return call;
  }

  /**
   * What an application of `topic` (and, in 专题一, `direction`) must and may upload under the call; `ethics`, the
   * 二、4 answers that are yes, when known.
   */
  async documentRequirements(
    id: string,
    topic: TopicNumber,
    direction: Direction | undefined,
    ethics?: readonly EthicsFlag[],
  ): Promise<{ call: CallView; direction: Direction | null; documents: DocumentRequirement[] }> {
    const call = await this.requirePublished(id);
    const directed = 'byDirection' in call.parameters.topics[topic].terms;
    const stream = directed ? direction : undefined;
    return {
      call,
      direction: stream ?? null,
      documents: requirementsFor(
        call.parameters,
        topic,
        stream,
        ethics && Object.fromEntries(ethics.map((f) => [f, true])),
      ),
    };
  }

  view(row: CallRow): CallView {
    const accepting = !row.readOnly && row.status === 'open';
    const parameters = parametersOf(row);
    const now = this.clock.now().getTime();
    return {
      row,
      parameters,
      open:
        accepting &&
        Date.parse(parameters.deadlines.opens.value) <= now &&
        now < row.submissionClosesAt.getTime(),
      accepting,
    };
  }
}
