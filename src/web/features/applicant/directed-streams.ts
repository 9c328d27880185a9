import type { Direction, TopicNumber } from '../../../core/bundle/schema.js';
import { DIRECTION_LABELS } from '../../../core/labels.js';
import type { MyEntitlementsDto } from '../../../contract/entitlements.js';
import type { CallDto } from '../../shared/api.js';

// 定向组织申报: an applicant sees a directed-only stream only when the province invited it, and is told why the
// others are not offered instead of meeting the rule's error after choosing one.

type Stream = CallDto['topics'][number]['streams'][number];

const invitedTo = (
  mine: MyEntitlementsDto | undefined,
  callId: string,
  topic: TopicNumber,
  direction: Direction | null,
) =>
  mine?.invitations.some((i) => i.callId === callId && i.topic === topic && i.direction === direction) ??
  false;

/** Whether the organization may choose the stream: one the call opens, to all or to it by invitation. */
export function mayChoose(
  call: CallDto,
  mine: MyEntitlementsDto | undefined,
  topic: TopicNumber,
  stream: Stream,
): boolean {
  return stream.open && (!stream.directedOnly || invitedTo(mine, call.id, topic, stream.direction));
}

/** 专题一's directions the organization may choose, keeping `current` (an application already in one). */
export function directionOptions(
  call: CallDto | undefined,
  mine: MyEntitlementsDto | undefined,
  current?: Direction | null,
) {
  const streams = call?.topics.find((t) => t.number === 1)?.streams ?? [];
  return streams
    .filter((s) => s.direction && (s.direction === current || mayChoose(call!, mine, 1, s)))
    .map((s) => ({ value: s.direction!, label: DIRECTION_LABELS[s.direction!] }));
}

/** The open streams of `topic` withheld from the organization (directed, not invited), by label. */
export function withheldStreams(
  call: CallDto | undefined,
  mine: MyEntitlementsDto | undefined,
  topic: TopicNumber,
) {
  const streams = call?.topics.find((t) => t.number === topic)?.streams ?? [];
  return streams.filter((s) => s.open && !mayChoose(call!, mine, topic, s)).map((s) => s.label);
}

export function contactsOf(call: CallDto): string {
  return call.contacts.map((c) => `${c.unit} ${c.people.join(' ')}（${c.phones.join('、')}）`).join('；');
}
