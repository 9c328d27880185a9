import { Space, Tag, Typography } from 'antd';
import type { AuditEntryDto } from '../../../../contract/audit.js';

const shown = (value: unknown) =>
  value === undefined ? '（无）' : typeof value === 'string' ? value : JSON.stringify(value);

/** The fields an entry changed, before → after; fields it left as they were are counted, not listed. */
export function AuditDiff({ entry }: { entry: Pick<AuditEntryDto, 'before' | 'after'> }) {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((k) => shown(before[k]) !== shown(after[k]));
  const same = keys.length - changed.length;
  return (
    <Space orientation="vertical" size={2} data-testid="audit-diff">
      {entry.before === null && <Tag color="blue">新建</Tag>}
      {changed.map((key) => (
        <span key={key}>
          <Typography.Text code>{key}</Typography.Text>{' '}
          {entry.before !== null && (
            <>
              <Typography.Text delete type="secondary">
                {shown(before[key])}
              </Typography.Text>
              {' → '}
            </>
          )}
          <Typography.Text mark>{shown(after[key])}</Typography.Text>
        </span>
      ))}
      {same > 0 && entry.before !== null && (
        <Typography.Text type="secondary">其余 {same} 项未变</Typography.Text>
      )}
    </Space>
  );
}
