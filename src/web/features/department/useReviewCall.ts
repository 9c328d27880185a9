import { callsQuery } from '../../shared/calls.js';
import { useQuery } from '@tanstack/react-query';
import { type CallDto, describeError } from '../../shared/api.js';
import { useUrlParam } from '../../shared/useUrlParam.js';

const practiceFirst = ({ calls }: { calls: CallDto[] }) =>
  [...calls].sort((a, b) => Number(b.isPractice) - Number(a.isPractice));

/** The calls, the practice call first; the chosen one lives in the address (`?callId=`) so pages share it. */
export function useReviewCall() {
  const query = useQuery({ ...callsQuery, select: practiceFirst });
  const [chosen, select] = useUrlParam('callId');
  const calls = query.data;
  const callId = chosen ?? calls?.[0]?.id;
  const call = calls?.find((c) => c.id === callId);
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
