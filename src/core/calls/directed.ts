import type { Direction, TopicNumber } from '../bundle/schema.js';
import { callStreams, streamOf, type CallParameters } from './parameters.js';

/** A stream open only to the organizations the province invites (定向组织申报). */
export interface DirectedStream {
  topic: TopicNumber;
  /** `null`: a topic without directions. */
  direction: Direction | null;
  label: string;
}

/** The call's open streams that are 定向组织 only, in the notice's order. */
export function directedStreams(call: CallParameters): DirectedStream[] {
  return callStreams(call)
    .filter(({ terms }) => terms.open.value && terms.directedOnly.value)
    .map(({ topic, direction, terms }) => ({ topic, direction, label: terms.label }));
}

/** Whether an application of `topic` (and `direction`) falls in a directed-only stream. */
export function isDirectedOnly(
  call: CallParameters,
  topic: TopicNumber,
  direction: Direction | null | undefined,
): boolean {
  return streamOf(call, topic, direction ?? undefined)?.directedOnly.value ?? false;
}
