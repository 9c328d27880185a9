import { Select } from 'antd';
import type { CallDto } from '../../shared/api.js';

/** Picks the call a page is about. */
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
      aria-label="申报计划"
      style={{ minWidth: 'min(380px, 100%)' }}
      loading={!calls}
      value={value}
      onChange={onChange}
      options={calls?.map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}
