import { Space, Tag, Typography } from 'antd';
import type { AuditEntryDto } from '../../../../contract/audit.js';

/** The fields an entry changed, before → after, as the server words them; fields left as they were are counted. */
export function AuditDiff({ entry }: { entry: Pick<AuditEntryDto, 'before' | 'changes' | 'unchanged'> }) {
  return (
    <Space orientation="vertical" size={2} data-testid="audit-diff">
      {entry.before === null && <Tag color="blue">新建</Tag>}
      {entry.changes.map((change, i) => (
        <span key={i}>
          <Typography.Text strong>{change.label}</Typography.Text>{' '}
          {change.before !== null && (
            <>
              <Typography.Text delete type="secondary">
                {change.before}
              </Typography.Text>
              {' → '}
            </>
          )}
          <Typography.Text mark>{change.after}</Typography.Text>
        </span>
      ))}
      {entry.unchanged > 0 && entry.before !== null && (
        <Typography.Text type="secondary">其余 {entry.unchanged} 项未变</Typography.Text>
      )}
    </Space>
  );
}
