import { queryOptions } from '@tanstack/react-query';
import type { RoundFormsView, ScoringFormBody, ScoringFormView } from '../../../../contract/scoring-forms.js';
import { api, query } from '../../../shared/api.js';

// 评分表 per review round and topic: the call's rounds, one form with its versions, and saving a new version.

export type { RoundFormsView, ScoringFormBody, ScoringFormView };

export const scoringFormsApi = {
  rounds: (callId: string, signal?: AbortSignal) =>
    api<{ rounds: RoundFormsView[] }>(`/province/scoring-forms${query({ callId })}`, { signal }).then(
      (r) => r.rounds,
    ),
  form: (roundId: string, topic: number, signal?: AbortSignal) =>
    api<{ form: ScoringFormView }>(`/province/scoring-forms/${roundId}/${topic}`, { signal }).then(
      (r) => r.form,
    ),
  save: (roundId: string, topic: number, body: ScoringFormBody) =>
    api<{ form: ScoringFormView }>(`/province/scoring-forms/${roundId}/${topic}`, {
      method: 'PUT',
      body,
    }).then((r) => r.form),
};

/** Saving a version changes the round's list (its version) and the form itself. */
export const SCORING_FORMS_KEY = ['province', 'scoring-forms'] as const;

export const scoringFormsQueries = {
  rounds: (callId: string) =>
    queryOptions({
      queryKey: [...SCORING_FORMS_KEY, 'rounds', callId],
      queryFn: ({ signal }) => scoringFormsApi.rounds(callId, signal),
    }),
  form: (roundId: string, topic: number) =>
    queryOptions({
      queryKey: [...SCORING_FORMS_KEY, 'form', roundId, topic],
      queryFn: ({ signal }) => scoringFormsApi.form(roundId, topic, signal),
    }),
};
