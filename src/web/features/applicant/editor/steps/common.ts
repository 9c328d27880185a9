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
}

/** Sets top-level form fields. */
export function formPatch(patch: Partial<FormDraft>) {
  return (draft: Draft): Draft => ({ ...draft, form: { ...draft.form, ...patch } });
}

/** Sets fields of one of the form's objects (`partner`, `budget`, `ethics`). */
export function nestedPatch<K extends 'partner' | 'budget' | 'ethics'>(
  key: K,
  patch: Partial<NonNullable<FormDraft[K]>>,
) {
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
