import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError, fetchCalls, type CallDto } from '../../shared/api.js';

/** The calls, the practice call first; the chosen one lives in the address (`?callId=`) so pages share it. */
export function useReviewCall() {
  const [calls, setCalls] = useState<CallDto[]>();
  const [error, setError] = useState<string>();
  const [params, setParams] = useSearchParams();

  useEffect(() => {
    fetchCalls().then(
      (all) => setCalls([...all].sort((a, b) => Number(b.isPractice) - Number(a.isPractice))),
      (e: unknown) => setError(describeError(e)),
    );
  }, []);

  const callId = params.get('callId') ?? calls?.[0]?.id;
  const call = useMemo(() => calls?.find((c) => c.id === callId), [calls, callId]);
  const select = (id: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('callId', id);
        return next;
      },
      { replace: true },
    );
  return { calls, call, callId: call?.id, error, select };
}

export function CallSelect({
  calls,
  value,
  onChange,
}: {
  calls: CallDto[] | undefined;
  value: string | undefined;
  onChange(id: string): void;
}) {
  return (
    <Select
      data-testid="call-select"
      style={{ minWidth: 380 }}
      loading={!calls}
      value={value}
      onChange={onChange}
      options={calls?.map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}
