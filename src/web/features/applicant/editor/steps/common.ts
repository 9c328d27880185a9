import type { CallDto } from '../../../../shared/api.js';
import type { ApplicationDto } from '../../../../shared/api.js';
import type { Draft, FormDraft } from '../draft.js';

export type Topic = CallDto['topics'][number];
export type Stream = Topic['streams'][number];

export interface StepProps {
  draft: Draft;
  update(change: (draft: Draft) => Draft): void;
  readOnly: boolean;
  application: ApplicationDto;
  call: CallDto | undefined;
  /** The terms of the application's topic (or 专题一 direction), once the call is loaded. */
  stream: Stream | undefined;
  /** Paths of the parts kept on this computer until they are well formed (draft.ts, payloadOf). */
  heldBackFields: readonly string[];
}

/** Sets top-level form fields. */
export function formPatch(patch: Partial<FormDraft>) {
  return (draft: Draft): Draft => ({ ...draft, form: { ...draft.form, ...patch } });
}

/** Sets fields of one of the form's objects (`partner`, `ethics`, `team`, …). */
export function nestedPatch<
  K extends
    | 'partner'
    | 'budget'
    | 'ethics'
    | 'team'
    | 'partnerInstitution'
    | 'sections'
    | 'indicators'
    | 'ethicsApproval'
    | 'period',
>(key: K, patch: Partial<NonNullable<FormDraft[K]>>) {
  return (draft: Draft): Draft => ({
    ...draft,
    form: { ...draft.form, [key]: { ...(draft.form[key] ?? {}), ...patch } },
  });
}

export function streamOf(call: CallDto | undefined, draft: Pick<Draft, 'topic' | 'direction'>) {
  const topic = call?.topics.find((t) => t.number === draft.topic);
  const stream = topic?.streams.find((s) => s.direction === (draft.topic === 1 ? draft.direction : null));
  return { topic, stream };
}

export const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

/** `''` as absent: a cleared text field is not an answer, and is not held back as a malformed one. */
export const textOrUndefined = (value: string) => (value.trim() === '' ? undefined : value);

/** A list's `i`-th item changed by `patch`. */
export function patchAt<T>(items: readonly T[], index: number, patch: Partial<T>): T[] {
  return items.map((item, i) => (i === index ? { ...item, ...patch } : item));
}
