import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect } from 'react';
import { ROUND_KIND_LABELS } from '../../../../core/experts/rounds.js';
import { expertsQueries } from './api.js';

/** A round of the call, the newest first (chosen by default); assignments name one. */
export function RoundSelect({
  callId,
  value,
  onChange,
  id,
}: {
  callId: string;
  value?: string | undefined;
  onChange?(value: string): void;
  id?: string;
}) {
  const rounds = useQuery(expertsQueries.rounds(callId));
  const first = rounds.data?.[0]?.id;
  useEffect(() => {
    if (!value && first) onChange?.(first);
  }, [value, first, onChange]);
  return (
    <Select
      id={id}
      aria-label="评审轮次"
      style={{ minWidth: 200, maxWidth: '100%' }}
      loading={rounds.isPending}
      value={value}
      onChange={onChange}
      placeholder="请先在“评审轮次”中新建轮次"
      options={(rounds.data ?? []).map((r) => ({
        value: r.id,
        label: `${r.name}（${ROUND_KIND_LABELS[r.kind]}）`,
      }))}
      data-testid="round-select"
    />
  );
}
