import { callsQuery } from '../../shared/calls.js';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { type CallDto, describeError } from '../../shared/api.js';

const practiceFirst = ({ calls }: { calls: CallDto[] }) =>
  [...calls].sort((a, b) => Number(b.isPractice) - Number(a.isPractice));

/** The calls, the practice call first; the chosen one lives in the address (`?callId=`) so pages share it. */
export function useReviewCall() {
  const query = useQuery({ ...callsQuery, select: practiceFirst });
  const [params, setParams] = useSearchParams();
  const calls = query.data;
  const callId = params.get('callId') ?? calls?.[0]?.id;
  const call = calls?.find((c) => c.id === callId);
  const select = (id: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('callId', id);
        return next;
      },
      { replace: true },
    );
  return {
    /** The calls' query itself, for the page's loading and failure. */
    query,
    calls,
    call,
    callId: call?.id,
    error: query.error ? describeError(query.error) : undefined,
    select,
  };
}
